package nl.spil.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import nl.spil.localkit.LocalAws;
import nl.spil.localkit.Template;
import nl.spil.localkit.TemplateTables;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs against the local AWS with template.yaml's tables, buckets and SES identity
 * created (once per JVM). Parameters of type {@link LocalAws}, {@link TemplateTables} and
 * {@link Template} are injected.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalAwsExtension.class)
public @interface WithLocalAws {
}
