package org.undersigned.mail;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * In dev mode only, the last mails sent, so a newcomer without an SMTP server can follow a confirmation link
 * (page /dev/mail). In any other mode it keeps nothing.
 */
@ApplicationScoped
public class DevMailbox {

    private static final int KEEP = 50;
    private final Deque<Mail> recent = new ArrayDeque<>();
    private final boolean enabled = LaunchMode.current() == LaunchMode.DEVELOPMENT;

    synchronized void record(Mail mail) {
        if (!enabled) {
            return;
        }
        recent.addFirst(mail);
        while (recent.size() > KEEP) {
            recent.removeLast();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized List<Mail> recent() {
        return List.copyOf(recent);
    }
}
