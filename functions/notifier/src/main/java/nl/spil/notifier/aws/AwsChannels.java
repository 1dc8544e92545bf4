package nl.spil.notifier.aws;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.spil.notifier.app.Channels;
import nl.spil.notifier.domain.Footer;
import nl.spil.notifier.domain.Outcome;
import nl.spil.platform.mail.EmailAddress;
import nl.spil.platform.mail.EmailMessage;
import nl.spil.platform.mail.InvalidEmailAddressException;
import nl.spil.platform.mail.MailCompositionException;
import nl.spil.platform.mail.MimeComposer;
import nl.spil.platform.outbox.OutboxItem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/**
 * SES v2 and EventBridge, one call each, with every answer sorted into sent, transient
 * (throttling, 5xx, network) or permanent (refused).
 *
 * <p>E-mails always go as raw MIME built by {@link MimeComposer} (so Date and a stable
 * Message-ID are ours, attachments or not), from the configured sender identity (the display
 * name the enqueuing function chose is kept, else the office name), with the office footer
 * added.
 */
public final class AwsChannels implements Channels {

    /** Error codes SES and EventBridge use for "slow down" or "try later" that are not 5xx. */
    private static final Set<String> TRANSIENT_CODES = Set.of("TooManyRequestsException", "ThrottlingException",
            "Throttling", "LimitExceededException", "InternalFailure", "InternalException", "ServiceUnavailable",
            "RequestTimeout", "RequestTimeoutException", "ConcurrentModificationException");

    /** SES's refusals that stop every e-mail of the account, not just this one. */
    private static final Set<String> ACCOUNT_CODES = Set.of("AccountSuspendedException", "SendingPausedException",
            "AccountSuspended", "SendingPaused");

    private final SesV2Client ses;
    private final EventBridgeClient events;
    private final Optional<String> configurationSet;
    private final String senderEmail;
    private final String officeName;
    private final String eventBusName;
    private final MimeComposer composer;

    /**
     * @param configurationSet the SES configuration set every e-mail is sent with (its event
     *                         destination reports bounces and complaints), if any
     */
    public AwsChannels(SesV2Client ses, EventBridgeClient events, Optional<String> configurationSet, String senderEmail,
                       String officeName, String eventBusName, Clock clock) {
        this.ses = ses;
        this.events = events;
        this.configurationSet = configurationSet.filter(name -> !name.isBlank());
        this.senderEmail = EmailAddress.validate("SENDER_EMAIL", senderEmail);
        this.officeName = officeName;
        this.eventBusName = eventBusName;
        this.composer = new MimeComposer(clock, senderEmail.substring(senderEmail.lastIndexOf('@') + 1));
    }

    /** The message as it is sent: from the sender identity, with the footer. */
    public EmailMessage prepare(EmailMessage message) {
        String name = message.from().name().orElse(officeName);
        return new EmailMessage(new EmailAddress(senderEmail, name), message.to(), message.replyTo(),
                message.language(), Footer.add(message.content(), message.language(), officeName),
                message.attachments(), message.messageIdSeed());
    }

    /** The raw MIME bytes that {@link #sendEmail} sends for a message. */
    public byte[] compose(EmailMessage message) {
        return composer.compose(prepare(message));
    }

    @Override
    public Outcome sendEmail(OutboxItem.Email email) {
        byte[] raw;
        try {
            raw = compose(email.message());
        } catch (InvalidEmailAddressException e) {
            return new Outcome.Permanent("invalid address: " + e.getMessage());
        } catch (MailCompositionException | IllegalArgumentException e) {
            return new Outcome.Permanent("cannot compose the message: " + e.getMessage());
        }
        try {
            SendEmailResponse response = ses.sendEmail(b -> b
                    .configurationSetName(configurationSet.orElse(null))
                    .fromEmailAddress(senderEmail)
                    .destination(d -> d.toAddresses(email.message().to().address()))
                    .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))));
            return new Outcome.Sent(response.messageId());
        } catch (SdkServiceException e) {
            return classify(e);
        } catch (SdkClientException e) {
            return new Outcome.Transient("client: " + e.getMessage());
        }
    }

    @Override
    public Outcome putEvent(OutboxItem.Event event) {
        PutEventsRequestEntry entry = PutEventsRequestEntry.builder()
                .eventBusName(eventBusName)
                .source(event.source())
                .detailType(event.detailType())
                .detail(EventDetail.withEventId(event.detail(), event.eventId()))
                .time(event.createdAt())
                .build();
        try {
            PutEventsResponse response = events.putEvents(b -> b.entries(entry));
            PutEventsResultEntry result = response.entries().isEmpty() ? null : response.entries().get(0);
            if ((response.failedEntryCount() == null || response.failedEntryCount() == 0) && result != null
                    && result.eventId() != null) {
                return new Outcome.Sent(result.eventId());
            }
            String code = result == null ? "NoResult" : result.errorCode();
            String reason = code + ": " + (result == null ? "" : result.errorMessage());
            return code != null && TRANSIENT_CODES.contains(code) ? new Outcome.Transient(reason)
                    : new Outcome.Permanent(reason);
        } catch (SdkServiceException e) {
            return classify(e);
        } catch (SdkClientException e) {
            return new Outcome.Transient("client: " + e.getMessage());
        }
    }

    /**
     * The account paused or suspended, or its daily quota spent, stops every e-mail: the account is
     * paused; throttling, 5xx and the "try later" codes are transient; every other refusal is permanent.
     */
    static Outcome classify(SdkServiceException e) {
        var details = e instanceof AwsServiceException aws ? aws.awsErrorDetails() : null;
        String code = details == null ? null : details.errorCode();
        String message = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
        String reason = (code == null ? e.getClass().getSimpleName() : code) + " (" + e.statusCode() + "): " + message;
        if ((code != null && ACCOUNT_CODES.contains(code)) || ACCOUNT_CODES.contains(e.getClass().getSimpleName())
                || (message != null && message.toLowerCase(Locale.ROOT).contains("daily message quota"))) {
            return new Outcome.AccountPaused(reason);
        }
        boolean transientCode = code != null && TRANSIENT_CODES.contains(code);
        if (e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 429 || transientCode
                || e.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("toomanyrequests")) {
            return new Outcome.Transient(reason);
        }
        return new Outcome.Permanent(reason);
    }
}
