package org.undersigned.organisers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The audit trail: every organiser and admin action, written in the action's own transaction. */
@ApplicationScoped
public class Audit {

    public record Event(
            Long id, OffsetDateTime at, String actor, String action, String letter, String target, String detail) {}

    private final AuditRepository repository;

    Audit(AuditRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(String actor, String action, String letter, String target, String detail) {
        repository.insert(new Event(
                null,
                OffsetDateTime.now(ZoneOffset.UTC),
                actor,
                action,
                letter,
                target == null || target.length() <= 64 ? target : target.substring(0, 64),
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000)));
    }

    /** Which events to show (null = any): actor, action, letter exactly, time in [from, to). */
    public record Filter(String actor, String action, String letter, OffsetDateTime from, OffsetDateTime to) {}

    /** Matching events, newest first, before the event id {@code before} (keyset pagination). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Event> find(Filter filter, Long before, int limit) {
        return repository.find(filter, before == null ? Long.MAX_VALUE : before, Math.max(1, Math.min(limit, 500)));
    }

    /** Newest first, before the event id {@code before} (keyset pagination). */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<Event> page(Long before, int limit) {
        return repository.before(before == null ? Long.MAX_VALUE : before, Math.max(1, Math.min(limit, 500)));
    }
}
