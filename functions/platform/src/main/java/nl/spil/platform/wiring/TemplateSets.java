package nl.spil.platform.wiring;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import nl.spil.platform.config.Settings;

/**
 * Bean conditions on the environment template.yaml gives a function: a shared bean exists only
 * in the functions whose template entry sets its variable (Micronaut creates every singleton
 * eagerly at init on Lambda, so a bean that needs a variable must not exist without it).
 */
final class TemplateSets {

    private TemplateSets() {
    }

    /** The function reads the directory. */
    static final class DirectoryTable implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return Settings.fromEnvironment().optional("DIRECTORY_TABLE").isPresent();
        }
    }

    /** The function writes the outbox. */
    static final class OutboxTable implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return Settings.fromEnvironment().optional("OUTBOX_TABLE").isPresent();
        }
    }
}
