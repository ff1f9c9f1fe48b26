package nl.helpline.warehouse.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.helpline.warehouse.warehouse.SqlFiles;

/**
 * The dimensions' surrogate keys by code, read from the warehouse when a file is staged, so the
 * staging rows carry keys rather than codes: the transform then neither joins the dimensions
 * for a million rows nor parses a million text arrays (measured: about 10 % of a bulk load's
 * work). The rules are the transform's of before: a code without a member falls back to the
 * unknown member (key 0) rather than losing the request; a blank Verschijningsvormen or
 * Hulpvragen counts under UNKNOWN; a request not closed without Opvolging has follow-up "not
 * applicable" (-1); Vervallen has no status member (the request leaves the facts); a support
 * type without a member is left out; a date outside the calendar is the unknown date (0), a
 * request not closed has closed date "not applicable" (-1).
 */
final class DimensionKeys {

    private static final short UNKNOWN = 0;
    private static final short NOT_APPLICABLE = -1;

    private final Map<String, Map<String, Short>> keys;
    private final LocalDate firstDay;
    private final LocalDate lastDay;

    private DimensionKeys(Map<String, Map<String, Short>> keys, LocalDate firstDay, LocalDate lastDay) {
        this.keys = keys;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
    }

    static DimensionKeys load(Connection connection) throws SQLException {
        Map<String, Map<String, Short>> keys = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SqlFiles.load("load/dimension_keys.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString("dimension"), d -> new HashMap<>()).put(rs.getString("code"), rs.getShort("key"));
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(SqlFiles.load("load/calendar.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new DimensionKeys(keys, rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class));
        }
    }

    /** Null for a status without a member: Vervallen. */
    Short status(String code) {
        return keys.getOrDefault("status", Map.of()).get(code);
    }

    short channel(String code) {
        return key("channel", code);
    }

    short requester(String type, String workDomain) {
        return key("requester", type + "/" + workDomain);
    }

    short followUp(String code, String status) {
        if (code == null && !"CLOSED".equals(status)) {
            return NOT_APPLICABLE;
        }
        return code == null ? UNKNOWN : key("follow_up", code);
    }

    short[] phenomena(List<String> codes) {
        return members("phenomenon", codes);
    }

    short[] helpQuestions(List<String> codes) {
        return members("help_question", codes);
    }

    short[] support(List<String> codes) {
        Map<String, Short> support = keys.getOrDefault("support", Map.of());
        return toArray(codes.stream().map(support::get).filter(k -> k != null).toList());
    }

    int receivedDate(LocalDate day) {
        return dateKey(day);
    }

    int closedDate(LocalDate day) {
        return day == null ? NOT_APPLICABLE : dateKey(day);
    }

    /**
     * Why a row's date cannot be kept, or null when it can: a date outside the calendar would load as the
     * unknown date and so leave every period report without a word (an exporter's 01-01-0000, say).
     */
    String outsideCalendar(LocalDate day) {
        if (day == null || firstDay == null || (!day.isBefore(firstDay) && !day.isAfter(lastDay))) {
            return null;
        }
        return "lies outside the warehouse's calendar (" + firstDay + " to " + lastDay + ")";
    }

    private int dateKey(LocalDate day) {
        if (firstDay == null || day.isBefore(firstDay) || day.isAfter(lastDay)) {
            return UNKNOWN;
        }
        return day.getYear() * 10_000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }

    private short key(String dimension, String code) {
        Short key = keys.getOrDefault(dimension, Map.of()).get(code);
        return key == null ? UNKNOWN : key;
    }

    private short[] members(String dimension, List<String> codes) {
        if (codes.isEmpty()) {
            return new short[] {key(dimension, "UNKNOWN")};
        }
        short[] members = new short[codes.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = key(dimension, codes.get(i));
        }
        return members;
    }

    private static short[] toArray(List<Short> list) {
        short[] array = new short[list.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = list.get(i);
        }
        return array;
    }
}
