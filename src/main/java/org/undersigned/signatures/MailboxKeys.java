package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.undersigned.verification.EmailAddress;
import org.undersigned.web.StartupJob;

/**
 * Gives the live email signatures made before mailbox keys their key, once per database (docs/ARCHITECTURE.md#signing).
 * Where several live signatures of a letter share a key, the earliest confirmed one (or, with none confirmed, the
 * earliest sign-up) stays and the others end; a counted one ends with an {@code invalidation} entry whose reason is
 * {@code duplicate-mailbox}, written to the log like every other entry, so the count drops by exactly those and the
 * log still verifies. Stored signer ids are never recomputed: later entries about old signatures must name them.
 */
@ApplicationScoped
class MailboxKeys implements StartupJob {

    static final String TASK = "mailbox-keys";
    static final String REASON = "duplicate-mailbox";
    private static final Logger LOG = Logger.getLogger(MailboxKeys.class);
    // what old rows may hold around an address: a display name and angle brackets, comments, quotes
    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");

    /** A live email signature as far as keying needs it. */
    record Live(long seq, String email, String liveKey, Signature.Status status, OffsetDateTime confirmedAt) {

        boolean confirmed() {
            return status == Signature.Status.CONFIRMED;
        }
    }

    private final SignatureRepository signatures;
    private final TaskRepository tasks;
    private final Endings endings;

    MailboxKeys(SignatureRepository signatures, TaskRepository tasks, Endings endings) {
        this.signatures = signatures;
        this.tasks = tasks;
        this.endings = endings;
    }

    @Override
    public int order() {
        return Interceptor.Priority.APPLICATION + 500;
    }

    @Override
    public void runAtStart() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (tasks.done(TASK)) {
                return;
            }
            tasks.lock();
            if (tasks.done(TASK)) {
                return;
            }
            int ended = rekey();
            tasks.markDone(TASK);
            LOG.infof("Mailbox keys given to earlier signatures; %d duplicates ended", ended);
        });
    }

    /** Keys every live email signature and ends the duplicates; returns how many ended. Idempotent. */
    int rekey() {
        int ended = 0;
        for (long letterId : signatures.lettersWithLiveEmail()) {
            Map<String, List<Live>> byKey = new LinkedHashMap<>();
            for (Live live : signatures.liveEmail(letterId)) {
                byKey.computeIfAbsent(keyOf(live.email()).orElse(live.liveKey()), k -> new ArrayList<>())
                        .add(live);
            }
            List<Map.Entry<String, Live>> survivors = new ArrayList<>();
            for (Map.Entry<String, List<Live>> group : byKey.entrySet()) {
                Live stays = group.getValue().stream()
                        .min(Comparator.comparing((Live l) -> !l.confirmed())
                                .thenComparing(Live::confirmedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                                .thenComparingLong(Live::seq))
                        .orElseThrow();
                for (Live other : group.getValue()) {
                    if (other != stays) {
                        endings.end(
                                signatures.findById(other.seq(), LockModeType.PESSIMISTIC_WRITE),
                                REASON,
                                Signature.ModerationState.REJECTED);
                        ended++;
                    }
                }
                if (!group.getKey().equals(stays.liveKey())) {
                    survivors.add(Map.entry(group.getKey(), stays));
                }
            }
            signatures.flush(); // the ended keys are free before a survivor takes one
            for (Map.Entry<String, Live> survivor : survivors) {
                signatures.findById(survivor.getValue().seq(), LockModeType.PESSIMISTIC_WRITE).liveKey =
                        survivor.getKey();
            }
            signatures.flush();
            signatures.getEntityManager().clear();
        }
        return ended;
    }

    /**
     * The mailbox key of an address stored before the address rules: as it is, or, for what the rules now refuse, the
     * address inside angle brackets with comments and quotes removed (the mailbox the mail reached).
     */
    static Optional<String> keyOf(String stored) {
        Optional<EmailAddress> address = EmailAddress.parse(stored);
        if (address.isEmpty() && stored != null) {
            Matcher bracketed = BRACKETED.matcher(stored);
            String inner = bracketed.find() ? bracketed.group(1) : stored;
            address = EmailAddress.parse(COMMENT.matcher(inner).replaceAll("").replace("\"", ""));
        }
        return address.map(EmailAddress::mailbox);
    }
}
