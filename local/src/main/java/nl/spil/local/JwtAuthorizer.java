package nl.spil.local;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's JWT authorizer: the bearer token's RS256 signature checked against the issuer's
 * JWKS (the local Cognito's), then issuer, audience ({@code aud}, or {@code client_id} for access
 * tokens) and expiry, as API Gateway does. The claims go to the function as strings, arrays
 * flattened to {@code "[a b]"} as API Gateway does.
 */
final class JwtAuthorizer {

    /** What the function sees in {@code requestContext.authorizer.jwt}. */
    record Verified(Map<String, String> claims, List<String> scopes) {
    }

    private final String issuer;
    private final List<String> audience;
    private final DefaultJWTProcessor<SecurityContext> processor;

    JwtAuthorizer(String issuer, List<String> audience, URI jwks) {
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwks.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jwks.toString(), e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // issuer, audience and expiry are checked below, exactly (no clock skew)
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
    }

    String issuer() {
        return issuer;
    }

    List<String> audience() {
        return audience;
    }

    /** The claims of a valid token, or empty: the caller answers 401. */
    Optional<Verified> verify(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        String token = authorizationHeader.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            return Optional.empty();
        }
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.empty();
        }
        Date exp = claims.getExpirationTime();
        if (exp == null || !exp.after(new Date())) {
            return Optional.empty();
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.after(new Date())) {
            return Optional.empty();
        }
        List<String> aud = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        boolean audienceOk = aud.stream().anyMatch(audience::contains)
                || (clientId != null && audience.contains(clientId.toString()));
        if (!audienceOk) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> out.put(name, flatten(value)));
        Object scope = claims.getClaim("scope");
        List<String> scopes = scope == null ? null : List.of(scope.toString().trim().split("\\s+"));
        return Optional.of(new Verified(out, scopes));
    }

    private static String flatten(Object value) {
        if (value instanceof Collection<?> c) {
            StringBuilder s = new StringBuilder("[");
            for (Object o : c) {
                if (s.length() > 1) {
                    s.append(' ');
                }
                s.append(o);
            }
            return s.append(']').toString();
        }
        if (value instanceof Date d) {
            return Long.toString(d.getTime() / 1000);
        }
        return String.valueOf(value);
    }
}
