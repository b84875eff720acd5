package org.undersigned.web;

import jakarta.ws.rs.BadRequestException;
import java.util.Map;

/** 400 naming each bad field and what is wrong with it; rendered as a problem with an {@code errors} map. */
public class InvalidInput extends BadRequestException {

    private final Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super("Some fields need attention: " + String.join(", ", errors.keySet()) + ".");
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
