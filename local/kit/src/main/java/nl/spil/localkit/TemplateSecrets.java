package nl.spil.localkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An {@code AWS::SecretsManager::Secret} of the template made in the local AWS: its
 * {@code SecretString}, or what its {@code GenerateSecretString} asks for (a random string of
 * {@code PasswordLength} characters, put under {@code GenerateStringKey} into the
 * {@code SecretStringTemplate} JSON), as CloudFormation would.
 */
final class TemplateSecrets {

    private static final String LETTERS_AND_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemplateSecrets() {
    }

    /** Creates the secret; returns its ARN (what {@code !Ref} gives). */
    static String create(SecretsManagerClient secrets, String name, Object resolvedProperties) {
        Map<?, ?> props = resolvedProperties instanceof Map<?, ?> m ? m : Map.of();
        String value;
        if (props.get("SecretString") != null) {
            value = String.valueOf(props.get("SecretString"));
        } else {
            Map<?, ?> generate = props.get("GenerateSecretString") instanceof Map<?, ?> g ? g : Map.of();
            int length = generate.get("PasswordLength") == null ? 32 : Integer.parseInt(String.valueOf(generate.get("PasswordLength")));
            String random = random(length);
            Object template = generate.get("SecretStringTemplate");
            Object key = generate.get("GenerateStringKey");
            if (template == null || key == null) {
                value = random;
            } else {
                try {
                    ObjectMapper json = new ObjectMapper();
                    ObjectNode object = (ObjectNode) json.readTree(String.valueOf(template));
                    object.put(String.valueOf(key), random);
                    value = json.writeValueAsString(object);
                } catch (Exception e) {
                    throw new IllegalArgumentException(name + ": SecretStringTemplate is not a JSON object", e);
                }
            }
        }
        String secretValue = value;
        return secrets.createSecret(b -> b.name(name).secretString(secretValue)).arn();
    }

    private static String random(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(LETTERS_AND_DIGITS.charAt(RANDOM.nextInt(LETTERS_AND_DIGITS.length())));
        }
        return s.toString();
    }
}
