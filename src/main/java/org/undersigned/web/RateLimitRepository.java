package org.undersigned.web;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The buckets on PostgreSQL (table {@code rate_limit}), shared by all replicas: one call of
 * {@code rate_limit_take} (V44) per request, which does the arithmetic of {@link TokenBucket} with the database's
 * clock for all of the request's buckets at once.
 */
final class RateLimitRepository implements RateLimitStore {

    private static final String TAKE = "SELECT rate_limit_take(?::text[], ?::float8[], ?::float8[])";
    private static final String REMOVE_EXPIRED = "DELETE FROM rate_limit WHERE ctid = ANY(ARRAY("
            + "SELECT ctid FROM rate_limit WHERE expires_at < now() LIMIT 1000))";

    private final AgroalDataSource dataSource;

    RateLimitRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public long take(List<Bucket> buckets) {
        int n = buckets.size();
        String[] ids = new String[n];
        Double[] capacities = new Double[n];
        Double[] rates = new Double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = buckets.get(i).id();
            capacities[i] = buckets.get(i).capacity();
            rates[i] = buckets.get(i).perSecond();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement take = c.prepareStatement(TAKE)) {
            take.setArray(1, c.createArrayOf("text", ids));
            take.setArray(2, c.createArrayOf("float8", capacities));
            take.setArray(3, c.createArrayOf("float8", rates));
            try (ResultSet rs = take.executeQuery()) {
                rs.next();
                double seconds = rs.getDouble(1);
                return seconds <= 0 ? 0 : Math.max(1, (long) Math.ceil(seconds));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit buckets unavailable", e);
        }
    }

    @Override
    public void removeExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(REMOVE_EXPIRED)) {
            while (delete.executeUpdate() == 1000) {
                // full batches: more may be waiting
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit buckets unavailable", e);
        }
    }
}
