package nl.spil.mailroom.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.spil.mailroom.app.MailAccess.Viewer;
import nl.spil.mailroom.app.MailItems.DayCounts;
import nl.spil.mailroom.app.Scans;
import nl.spil.mailroom.app.SuggestingRecipients.Suggestion;
import nl.spil.mailroom.domain.Address;
import nl.spil.mailroom.domain.Forwarding;
import nl.spil.mailroom.domain.HandOut;
import nl.spil.mailroom.domain.MailItem;
import nl.spil.mailroom.domain.MailStatus;
import nl.spil.mailroom.domain.Recipient;
import nl.spil.mailroom.domain.Returned;
import nl.spil.mailroom.domain.Scan;
import nl.spil.mailroom.domain.SiteSettings;
import nl.spil.platform.time.Times;

/**
 * The JSON the mailroom answers with. What a viewer sees depends on who they are: the pickup
 * code only its recipients, a forwarding address only reception and the office manager, and
 * only while the item waits to be forwarded; an upload link only the desk, while a file is due.
 */
final class Views {

    private Views() {
    }

    @Serdeable
    record PageView<T>(List<T> items, @Nullable String nextCursor) {
    }

    @Serdeable
    record ListView<T>(List<T> items) {
    }

    @Serdeable
    record RecipientView(String type, @Nullable String personId, @Nullable String name) {
        static RecipientView of(Recipient r) {
            if (r instanceof Recipient.Person p) {
                return new RecipientView("person", p.personId(), p.name());
            }
            if (r instanceof Recipient.Department d) {
                return new RecipientView("department", null, d.name());
            }
            return new RecipientView("left", null, null);
        }
    }

    @Serdeable
    record UploadView(String url, String method, Map<String, String> headers, String expiresAt) {
        static UploadView of(Scans.UploadLink link) {
            return new UploadView(link.url(), link.method(), link.headers(), Times.text(link.expiresAt()));
        }
    }

    @Serdeable
    record ScanView(String status, @Nullable String contentType, @Nullable Long bytes, @Nullable UploadView upload) {
        static ScanView of(Scan scan, Optional<Scans.UploadLink> upload) {
            String status = switch (scan.state()) {
                case NONE -> "none";
                case AWAITING_UPLOAD -> "awaiting-upload";
                case ATTACHED -> "attached";
            };
            return new ScanView(status, scan.type() == null ? null : scan.type().mediaType(),
                    scan.state() == Scan.State.NONE ? null : scan.bytes(), upload.map(UploadView::of).orElse(null));
        }
    }

    @Serdeable
    record HandOutView(String at, String collectorId, String collectorName, boolean byDelegate, String receptionistId,
                       String receptionistName, String check) {
        static HandOutView of(HandOut h, ZoneId zone) {
            return new HandOutView(Times.text(h.at(), zone), h.collectorId(), h.collectorName(), h.byDelegate(),
                    h.receptionistId(), h.receptionistName(), h.check().code());
        }
    }

    @Serdeable
    record AddressView(String line1, @Nullable String line2, String postalCode, String city, String country) {
        static AddressView of(Address a) {
            return new AddressView(a.line1(), a.line2().orElse(null), a.postalCode(), a.city(), a.country());
        }
    }

    @Serdeable
    record ForwardingView(String requestedAt, String to, @Nullable AddressView address, @Nullable String forwardedAt,
                          @Nullable String carrier, @Nullable String trackingNumber) {
        static ForwardingView of(Forwarding f, ZoneId zone, boolean showAddress) {
            return new ForwardingView(Times.text(f.requestedAt(), zone), f.toHome() ? "home" : "address",
                    showAddress ? f.address().map(AddressView::of).orElse(null) : null,
                    f.forwardedAt().map(t -> Times.text(t, zone)).orElse(null), f.carrier().map(c -> c.code()).orElse(null),
                    f.trackingNumber().orElse(null));
        }
    }

    @Serdeable
    record ReturnView(String at, String carrier, String trackingNumber) {
        static ReturnView of(Returned r, ZoneId zone) {
            return new ReturnView(Times.text(r.at(), zone), r.carrier().code(), r.trackingNumber());
        }
    }

    @Serdeable
    record MailItemView(String id, String batchId, String siteId, String kind, String carrier, @Nullable String trackingNumber,
                        @Nullable String sender, int count, @Nullable String notes, RecipientView recipient, String shelf,
                        String status, String receivedAt, String loggedAt, @Nullable String pickupCode, ScanView scan,
                        int wrongCodes, boolean locked, int reminders, @Nullable HandOutView handedOut,
                        @Nullable ForwardingView forwarding, @Nullable ReturnView returned, @Nullable String keepUntil,
                        long version) {

        static MailItemView of(MailItem m, Viewer viewer, Optional<Scans.UploadLink> upload) {
            ZoneId zone = m.zone();
            var d = m.details();
            boolean codeShown = viewer.recipient() && m.status().onShelf() && !m.pickupCode().isEmpty();
            boolean addressShown = viewer.desk() && m.status() == MailStatus.FORWARD_REQUESTED;
            return new MailItemView(m.id(), m.batchId(), m.siteId(), d.kind().code(), d.carrier().code(),
                    d.trackingNumber().orElse(null), d.sender().orElse(null), d.count(), d.notes().orElse(null),
                    RecipientView.of(m.recipient()), m.shelf(), m.status().code(), Times.text(m.receivedAt(), zone),
                    Times.text(m.loggedAt(), zone), codeShown ? m.pickupCode() : null,
                    ScanView.of(m.scan(), viewer.desk() ? upload : Optional.empty()), m.wrongCodes(), m.locked(),
                    m.remindedLevel(), m.handOut().map(h -> HandOutView.of(h, zone)).orElse(null),
                    m.forwarding().map(f -> ForwardingView.of(f, zone, addressShown)).orElse(null),
                    m.returned().map(r -> ReturnView.of(r, zone)).orElse(null),
                    m.keepUntil().map(k -> Times.text(k, zone)).orElse(null), m.version());
        }
    }

    @Serdeable
    record LoggedView(String batchId, List<MailItemView> items) {
    }

    @Serdeable
    record ReadLinkView(String url, String expiresAt) {
        static ReadLinkView of(Scans.ReadLink link) {
            return new ReadLinkView(link.url(), Times.text(link.expiresAt()));
        }
    }

    @Serdeable
    record SuggestionView(String type, @Nullable String personId, String name, @Nullable String siteId,
                          @Nullable String department) {
        static SuggestionView of(Suggestion s) {
            return new SuggestionView(s.personId().isPresent() ? "person" : "department", s.personId().orElse(null), s.name(),
                    s.siteId().orElse(null), s.department().orElse(null));
        }
    }

    @Serdeable
    record DayCountView(String date, long logged, long collected, long forwarded, long returned) {
        static DayCountView of(DayCounts c) {
            return new DayCountView(c.day().toString(), c.logged(), c.collected(), c.forwarded(), c.returned());
        }
    }

    @Serdeable
    record SettingsView(String siteId, int firstReminderDays, int secondReminderDays, int returnAfterDays, int keepDays) {
        static SettingsView of(String siteId, SiteSettings s) {
            return new SettingsView(siteId, s.firstReminderDays(), s.secondReminderDays(), s.returnAfterDays(), s.keepDays());
        }
    }
}
