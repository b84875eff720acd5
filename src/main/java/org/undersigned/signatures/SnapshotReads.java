package org.undersigned.signatures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reading a stored snapshot's files (built by {@link SignatorySnapshots}), for {@link SnapshotFiles}. */
@ApplicationScoped
class SnapshotReads {

    private final SnapshotRepository repository;

    SnapshotReads(SnapshotRepository repository) {
        this.repository = repository;
    }

    /**
     * A snapshot's file, gzip-compressed, read a part at a time (each in a transaction of its own); reading fails when
     * the snapshot was purged or replaced meanwhile, so a name erased is not sent on.
     */
    InputStream open(SnapshotRepository.Current c, String format) {
        return new InputStream() {
            private byte[] part = new byte[0];
            private int n, at;
            private boolean end;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (at == part.length) {
                    if (end || !next()) {
                        return -1;
                    }
                }
                int k = Math.min(len, part.length - at);
                System.arraycopy(part, at, b, off, k);
                at += k;
                return k;
            }

            private boolean next() throws IOException {
                int i = n++;
                Optional<byte[]> data = QuarkusTransaction.requiringNew()
                        .call(() -> repository.part(c.letterId(), c.generation(), format, i));
                if (data.isPresent()) {
                    part = data.get();
                    at = 0;
                    return true;
                }
                boolean still = QuarkusTransaction.requiringNew()
                        .call(() -> repository
                                .current(c.letterId())
                                .filter(now -> now.generation() == c.generation())
                                .isPresent());
                if (!still) {
                    throw new IOException("the snapshot was replaced while it was being sent");
                }
                end = true;
                return false;
            }
        };
    }

    /** The length of a snapshot's gzip-compressed file. */
    @Transactional(Transactional.TxType.SUPPORTS)
    long gzipLength(SnapshotRepository.Current c, String format) {
        return repository.length(c.letterId(), c.generation(), format);
    }
}
