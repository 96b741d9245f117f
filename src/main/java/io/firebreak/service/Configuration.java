package io.firebreak.service;

import io.firebreak.alert.Lifecycle;
import io.firebreak.alert.Routes;
import io.firebreak.alert.Silences;
import io.firebreak.config.ConfigException;
import io.firebreak.config.Home;
import io.firebreak.detect.Detection;
import io.firebreak.detect.DetectionSettings;
import io.firebreak.detect.RuleBook;
import io.firebreak.enrich.Enricher;
import io.firebreak.enrich.Enrichers;
import io.firebreak.incident.IncidentSettings;
import io.firebreak.incident.Playbooks;
import io.firebreak.ingest.ExportMapping;
import io.firebreak.notify.slack.Roles;
import io.firebreak.statement.HoldingStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every configuration file the service reads, loaded and checked before anything starts: routing,
 * silences, holding statements, the alert lifecycle, detection settings, rules and thresholds, brands
 * and categories, export mappings (CSV and JSON), who may press what in Slack, incident settings and playbooks (whose owners
 * must be roles). A mistake in any of them stops the start, and every problem is named
 * at once (file, key, why), so a person fixes them in one go and nothing starts half-configured.
 */
public record Configuration(Routes routes, Silences silences, HoldingStatements statements, Lifecycle lifecycle,
                            Detection detection, Enricher enricher, List<ExportMapping> exports, Roles roles,
                            IncidentSettings incidents, Playbooks playbooks) {

    /** @throws ConfigException naming every problem found, one per line */
    public static Configuration load(Home home) {
        List<String> problems = new ArrayList<>();
        Routes routes = attempt(problems, () -> Routes.load(home.config("routing.yaml")));
        Silences silences = attempt(problems,
                () -> Silences.load(home.config("silences.yaml"), home.data().resolve("silences.yaml")));
        HoldingStatements statements = attempt(problems,
                () -> HoldingStatements.load(home.config("statements"), home.config("statement-settings.yaml")));
        Lifecycle lifecycle = attempt(problems, () -> Lifecycle.load(home.config("alerts.yaml")));
        DetectionSettings settings = attempt(problems, () -> DetectionSettings.load(home.config("detection.yaml")));
        RuleBook rules = null;
        try {
            rules = RuleBook.compile(home.rules(), home.config("thresholds.yaml"));
        } catch (RuleBook.InvalidRules e) {
            e.problems().forEach(p -> problems.add(p.toString()));
        }
        Enricher enricher = attempt(problems, () -> Enrichers.standard(home));
        List<ExportMapping> csv = attempt(problems, () -> ExportMapping.loadAll(home.config("csv")));
        List<ExportMapping> json = attempt(problems, () -> ExportMapping.loadAll(home.config("json")));
        Roles roles = attempt(problems, () -> Roles.load(home.config("roles.yaml")));
        IncidentSettings incidents = attempt(problems, () -> IncidentSettings.load(home.config("incidents.yaml")));
        Playbooks playbooks = attempt(problems, () -> Playbooks.load(home.config("playbooks"), home.config("categories.yaml")));
        if (roles != null && playbooks != null && !roles.roles().isEmpty()) {
            problems.addAll(playbooks.unknownOwners(home.config("playbooks"), roles.roles().keySet()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("the configuration has " + problems.size() + " problem(s); nothing was started:\n  "
                    + String.join("\n  ", problems));
        }
        Detection detection = new Detection(rules, home.rules(), home.config("thresholds.yaml"), settings, true);
        List<ExportMapping> exports = csv == null || json == null ? List.of()
                : java.util.stream.Stream.concat(csv.stream(), json.stream()).toList();
        return new Configuration(routes, silences, statements, lifecycle, detection, enricher, exports, roles, incidents,
                playbooks);
    }

    private static <T> T attempt(List<String> problems, Supplier<T> load) {
        try {
            return load.get();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
