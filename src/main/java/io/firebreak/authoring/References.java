package io.firebreak.authoring;

import io.firebreak.alert.Routes;
import io.firebreak.config.Home;
import io.firebreak.enrich.CategoryClassifier;
import io.firebreak.incident.Playbooks;
import io.firebreak.notify.slack.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names one config file uses that another defines: a route's categories (categories.yaml) and a playbook
 * step's owner (roles.yaml). Each file can be valid on its own and still route to a category that no
 * mention can have, or remind a role nobody holds; the loaders see one file at a time, so lint checks these.
 * A file that does not load is reported by its own loader; its references are then not checked.
 */
final class References {

    private final Home home;

    References(Home home) {
        this.home = home;
    }

    /** Messages in the loaders' form ({@code file: yaml.path: what}), for {@link Lint#locate}. */
    List<String> check() {
        List<String> problems = new ArrayList<>();
        routeCategories(problems);
        playbookOwners(problems);
        return problems;
    }

    private void routeCategories(List<String> problems) {
        Routes routes;
        Set<String> categories;
        try {
            routes = Routes.load(home.config("routing.yaml"));
            categories = new TreeSet<>(CategoryClassifier.load(home.config("categories.yaml")).categories());
        } catch (RuntimeException e) {
            return;
        }
        categories.add(CategoryClassifier.OTHER); // every mention without a category has it
        for (int i = 0; i < routes.routes().size(); i++) {
            for (String category : new TreeSet<>(routes.routes().get(i).categories())) {
                if (!categories.contains(category)) {
                    problems.add(home.config("routing.yaml") + ": routes[" + i + "].category: '" + category
                            + "' is not a category of categories.yaml " + categories + " (the route can never match)");
                }
            }
        }
    }

    private void playbookOwners(List<String> problems) {
        Roles roles;
        Playbooks playbooks;
        try {
            roles = Roles.load(home.config("roles.yaml"));
            playbooks = Playbooks.load(home.config("playbooks"), home.config("categories.yaml"));
        } catch (RuntimeException e) {
            return;
        }
        // without a roles.yaml nobody is checked in Slack either, so any owner name is as good as another
        if (!roles.roles().isEmpty()) {
            problems.addAll(playbooks.unknownOwners(home.config("playbooks"), roles.roles().keySet()));
        }
    }
}
