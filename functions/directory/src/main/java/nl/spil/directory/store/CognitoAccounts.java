package nl.spil.directory.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.spil.directory.app.SignInAccounts;
import nl.spil.platform.config.Settings;
import nl.spil.platform.identity.Role;
import nl.spil.platform.problem.ProblemException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Sign-in accounts in the template's Cognito user pool ({@code USER_POOL_ID}). The pool signs
 * people in by e-mail, so an account is found by its e-mail; once known it is named by its
 * subject ({@code sub}), which Cognito's admin calls accept as the user name. Each call is one
 * request; group changes are one request per group.
 */
@Singleton
public class CognitoAccounts implements SignInAccounts {

    private final CognitoIdentityProviderClient cognito;
    private final String pool;

    public CognitoAccounts(CognitoIdentityProviderClient cognito, Settings settings) {
        this.cognito = cognito;
        this.pool = settings.require("USER_POOL_ID");
    }

    @Override
    public Account open(String email) {
        return answered(() -> {
            try {
                var created = cognito.adminCreateUser(b -> b.userPoolId(pool).username(email)
                        .desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                        .userAttributes(attribute("email", email), attribute("email_verified", "true")));
                return new Account(sub(created.user().attributes()), true);
            } catch (UsernameExistsException exists) {
                AdminGetUserResponse user = cognito.adminGetUser(b -> b.userPoolId(pool).username(email));
                if (!Boolean.TRUE.equals(user.enabled())) {
                    cognito.adminEnableUser(b -> b.userPoolId(pool).username(user.username()));
                }
                return new Account(sub(user.userAttributes()), false);
            } catch (InvalidParameterException refused) {
                throw ProblemException.badRequest("email", "is not an address the sign-in service accepts");
            }
        });
    }

    @Override
    public Optional<String> find(String email) {
        return answered(() -> {
            try {
                return Optional.of(sub(cognito.adminGetUser(b -> b.userPoolId(pool).username(email)).userAttributes()));
            } catch (UserNotFoundException none) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void grant(String sub, Set<Role> roles) {
        answered(() -> {
            try {
                roles.forEach(role -> cognito.adminAddUserToGroup(b -> b.userPoolId(pool).username(sub)
                        .groupName(role.group())));
            } catch (UserNotFoundException gone) {
                // deleted in the pool meanwhile: no account, nothing to grant
            }
            return null;
        });
    }

    @Override
    public void revoke(String sub, Set<Role> roles) {
        answered(() -> {
            try {
                roles.forEach(role -> cognito.adminRemoveUserFromGroup(b -> b.userPoolId(pool).username(sub)
                        .groupName(role.group())));
            } catch (UserNotFoundException gone) {
                // no account, no groups
            }
            return null;
        });
    }

    @Override
    public boolean close(String sub) {
        return answered(() -> {
            try {
                // disabled first, so no sign-in slips in before the sign-out
                cognito.adminDisableUser(b -> b.userPoolId(pool).username(sub));
                try {
                    cognito.adminUserGlobalSignOut(b -> b.userPoolId(pool).username(sub));
                } catch (NotAuthorizedException alreadyDisabled) {
                    // a disabled account's refresh tokens are refused anyway
                }
                return true;
            } catch (UserNotFoundException none) {
                return false;
            }
        });
    }

    /** Cognito busy or out of reach is a 503 the client may retry; anything else is a fault of ours. */
    private static <T> T answered(Supplier<T> call) {
        try {
            return call.get();
        } catch (TooManyRequestsException | InternalErrorException | SdkClientException e) {
            throw SignInAccounts.unavailable("the sign-in service did not answer (" + e.getClass().getSimpleName()
                    + "); send the request again");
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static String sub(List<AttributeType> attributes) {
        return attributes.stream().filter(a -> "sub".equals(a.name())).map(AttributeType::value).findFirst()
                .orElseThrow(() -> new IllegalStateException("a Cognito user without a sub"));
    }
}
