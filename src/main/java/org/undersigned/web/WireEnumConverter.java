package org.undersigned.web;

import jakarta.persistence.AttributeConverter;

/** Stores a {@link WireEnum} in the database by its wire spelling, as the column always held it. */
public abstract class WireEnumConverter<E extends Enum<E> & WireEnum> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return WireEnum.wire(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null
                ? null
                : WireEnum.parse(type, column)
                        .orElseThrow(() -> new IllegalStateException(
                                "unknown " + type.getSimpleName() + " in the database: " + column));
    }
}
