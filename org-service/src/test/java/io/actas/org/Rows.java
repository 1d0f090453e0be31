package io.actas.org;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

/** Reads the rows a test's requests wrote, over plain JDBC against the test database. */
public final class Rows {

    private final DataSource dataSource;

    public Rows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every row of {@code sql}; {@code ?} parameters that look like UUIDs are bound as UUIDs. */
    public List<Map<String, Object>> query(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, uuidOrValue(parameters[i]));
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnName(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one row of {@code sql}. */
    public Map<String, Object> one(String sql, Object... parameters) {
        List<Map<String, Object>> rows = query(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + ": " + rows);
        }
        return rows.get(0);
    }

    public long count(String sql, Object... parameters) {
        return ((Number) one(sql, parameters).values().iterator().next()).longValue();
    }

    private static Object uuidOrValue(Object value) {
        if (value instanceof String text && text.length() == 36) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return text;
            }
        }
        return value;
    }
}
