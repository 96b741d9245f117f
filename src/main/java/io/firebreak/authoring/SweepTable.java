package io.firebreak.authoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A sweep's report as a table for people (and CI artifacts), or as JSON for scripts. */
public final class SweepTable {

    private SweepTable() {}

    public static void text(PrintWriter out, Sweep.Report r) {
        out.printf(Locale.ROOT, "sweep over %s: %,d mentions, %.1f days; %d labelled incident(s) from %s%n",
                r.input(), r.mentions(), r.days(), r.incidents().all().size(), r.incidents().file());
        List<String> header = new ArrayList<>();
        List<Sweep.Row> rows = r.rows();
        List<String> keys = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).settings().keySet());
        header.addAll(keys.isEmpty() ? List.of("settings") : keys);
        header.addAll(List.of("alerts", "false alarms", "per 30 days", "missed"));
        r.incidents().all().forEach(i -> header.add(i.name()));
        List<List<String>> cells = new ArrayList<>();
        for (Sweep.Row row : rows) {
            List<String> c = new ArrayList<>(keys.isEmpty() ? List.of("as configured") : row.settings().values());
            c.add(String.valueOf(row.alerts()));
            c.add(String.valueOf(row.falseAlarms()));
            c.add(String.format(Locale.ROOT, "%.1f", row.falseAlarmsPer30Days()));
            c.add(row.missed() + "/" + r.incidents().all().size());
            row.timeToFirstAlert().forEach(d -> c.add(minutes(d)));
            cells.add(c);
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> c : cells) {
                width[i] = Math.max(width[i], c.get(i).length());
            }
        }
        out.println();
        line(out, header, width);
        for (List<String> c : cells) {
            line(out, c, width);
        }
        out.println();
        out.println("alerts: alerts opened; false alarms: opened outside every labelled incident of their brand;");
        out.println("missed: incidents with no alert of their brand first fired between their start and end;");
        out.println("each incident's column: minutes from its labelled start to the first alert ('-': missed).");
        out.flush();
    }

    public static void json(PrintWriter out, Sweep.Report r) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("input", r.input());
        root.put("mentions", r.mentions());
        root.put("days", Math.round(r.days() * 10) / 10.0);
        root.put("incidents_file", r.incidents().file().toString());
        ArrayNode rows = root.putArray("rows");
        for (Sweep.Row row : r.rows()) {
            ObjectNode o = rows.addObject();
            ObjectNode s = o.putObject("settings");
            row.settings().forEach(s::put);
            o.put("alerts", row.alerts());
            o.put("false_alarms", row.falseAlarms());
            o.put("false_alarms_per_30_days", Math.round(row.falseAlarmsPer30Days() * 10) / 10.0);
            o.put("missed", row.missed());
            ArrayNode inc = o.putArray("incidents");
            for (int i = 0; i < r.incidents().all().size(); i++) {
                Incidents.Incident incident = r.incidents().all().get(i);
                ObjectNode x = inc.addObject();
                x.put("name", incident.name());
                x.put("brand", incident.brand());
                x.put("start", incident.start().toString());
                x.put("end", incident.end().toString());
                if (row.firstAlert().get(i) == null) {
                    x.putNull("first_alert_at");
                    x.putNull("minutes_to_first_alert");
                } else {
                    x.put("first_alert_at", row.firstAlert().get(i).toString());
                    x.put("minutes_to_first_alert", row.timeToFirstAlert().get(i).toMinutes());
                }
            }
        }
        try {
            out.println(json.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
    }

    private static String minutes(Duration d) {
        return d == null ? "-" : d.toMinutes() + "m";
    }

    private static void line(PrintWriter out, List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            // the settings and names read left to right, figures line up on the right
            b.append(i == 0 ? String.format("%-" + width[i] + "s", c) : String.format("  %" + width[i] + "s", c));
        }
        out.println(b.toString().stripTrailing());
    }
}
