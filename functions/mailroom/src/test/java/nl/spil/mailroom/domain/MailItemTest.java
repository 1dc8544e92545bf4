package nl.spil.mailroom.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An item's life as pure rules: hand-out, wrong codes, forwarding, return, reminders. */
class MailItemTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final Instant ARRIVED = Instant.parse("2027-03-22T15:30:00Z"); // Monday 16:30 in Amsterdam
    static final Instant NOW = Instant.parse("2027-03-23T09:00:00Z");

    static MailItem parcel(MailKind kind) {
        MailDetails details = new MailDetails(kind, Carrier.DHL, Optional.empty(), Optional.of("Bol.com"), 1, Optional.empty());
        return MailItem.log("01JITEM", "01JBATCH", "01JSITE", AMSTERDAM, details, new Recipient.Person("01JSAM", "Sam"), "B",
                ARRIVED, ARRIVED, "desk", "123456", List.of("01JSAM"), Scan.NONE);
    }

    static MailItem.Attempt code(String code) {
        return new MailItem.Attempt(Optional.of(code), "01JSAM", "Sam", false, "01JRITA", "Rita");
    }

    @Test
    void theRightCodeHandsItOutAndKeepsItNinetyDays() {
        MailItem done = parcel(MailKind.PARCEL).handOut(code("123456"), NOW, 90).item();
        assertThat(done.status()).isEqualTo(MailStatus.COLLECTED);
        assertThat(done.handOut()).hasValueSatisfying(h -> {
            assertThat(h.collectorId()).isEqualTo("01JSAM");
            assertThat(h.receptionistName()).isEqualTo("Rita");
            assertThat(h.check()).isEqualTo(HandOut.Check.CODE);
        });
        assertThat(done.keepUntil()).contains(Instant.parse("2027-06-21T09:00:00Z"));
        assertThat(done.doneAt()).contains(NOW);
        assertThatThrownBy(() -> done.handOut(code("123456"), NOW, 90)).isInstanceOfSatisfying(Refusal.Refused.class,
                r -> assertThat(r.refusal().kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void theFifthWrongCodeLocksEvenTheRightOneOut() {
        MailItem item = parcel(MailKind.PARCEL);
        for (int i = 1; i <= 5; i++) {
            MailItem.Outcome outcome = item.handOut(code("654321"), NOW, 90);
            assertThat(outcome).isInstanceOf(MailItem.WrongCode.class);
            assertThat(((MailItem.WrongCode) outcome).triesLeft()).isEqualTo(5 - i);
            item = outcome.item();
        }
        assertThat(item.locked()).isTrue();
        MailItem locked = item;
        assertThatThrownBy(() -> locked.handOut(code("123456"), NOW, 90)).isInstanceOfSatisfying(Refusal.Refused.class,
                r -> assertThat(r.refusal().slug()).isEqualTo("pickup-locked"));
        MailItem open = locked.unlocked();
        assertThat(open.wrongCodes()).isZero();
        assertThat(open.handOut(code("123456"), NOW, 90)).isInstanceOf(MailItem.HandedOut.class);
    }

    @Test
    void forwardingKeepsTheAddressOnlyUntilItIsSent() {
        Address home = new Address("Dam 1", Optional.empty(), "1012 JS", "Amsterdam", "NL");
        MailItem asked = parcel(MailKind.LETTER).forwardingRequested(true, home, NOW);
        assertThat(asked.status()).isEqualTo(MailStatus.FORWARD_REQUESTED);
        assertThat(asked.forwarding().flatMap(Forwarding::address)).contains(home);
        MailItem sent = asked.forwarded(Carrier.POSTNL, "3SABCD123456789", "01JRITA", NOW, 90);
        assertThat(sent.status()).isEqualTo(MailStatus.FORWARDED);
        assertThat(sent.forwarding().flatMap(Forwarding::address)).isEmpty();
        assertThat(sent.forwarding().flatMap(Forwarding::trackingNumber)).contains("3SABCD123456789");
        assertThatThrownBy(() -> parcel(MailKind.PALLET).forwardingRequested(true, home, NOW)).isInstanceOf(Refusal.Refused.class);
        assertThatThrownBy(() -> parcel(MailKind.LETTER).forwarded(Carrier.DHL, "1234567890", "x", NOW, 90))
                .isInstanceOfSatisfying(Refusal.Refused.class, r -> assertThat(r.refusal().slug()).isEqualTo("no-forwarding-requested"));
        MailItem collectedInstead = asked.handOut(code("123456"), NOW, 90).item();
        assertThat(collectedInstead.forwarding().flatMap(Forwarding::address)).as("collected after all: address dropped").isEmpty();
    }

    @Test
    void remindersComeAtThreeAndSevenDaysInTheSitesDaysEachOnce() {
        MailItem item = parcel(MailKind.PARCEL);
        SiteSettings rules = SiteSettings.DEFAULTS;
        assertThat(item.reminderDue(LocalDate.of(2027, 3, 24), AMSTERDAM, rules)).isZero();
        assertThat(item.reminderDue(LocalDate.of(2027, 3, 25), AMSTERDAM, rules)).isEqualTo(1);
        MailItem reminded = item.reminded(1);
        assertThat(reminded.reminderDue(LocalDate.of(2027, 3, 26), AMSTERDAM, rules)).isZero();
        assertThat(reminded.reminderDue(LocalDate.of(2027, 3, 29), AMSTERDAM, rules)).isEqualTo(2);
        assertThat(item.reminderDue(LocalDate.of(2027, 3, 30), AMSTERDAM, rules)).as("a late first run sends the second only").isEqualTo(2);
        assertThat(reminded.reminded(2).reminderDue(LocalDate.of(2027, 4, 30), AMSTERDAM, rules)).isZero();
        // 16:30 on the 22nd in Amsterdam is 00:30 on the 23rd in Tokyo: days are the site's
        assertThat(item.daysWaiting(LocalDate.of(2027, 3, 25), ZoneId.of("Asia/Tokyo"))).isEqualTo(2);
        assertThat(item.returnDue(LocalDate.of(2027, 4, 4), AMSTERDAM, rules)).isFalse();
        assertThat(item.returnDue(LocalDate.of(2027, 4, 5), AMSTERDAM, rules)).isTrue();
        assertThat(item.listedForReturn().returnDue(LocalDate.of(2027, 4, 5), AMSTERDAM, rules)).isFalse();
    }

    @Test
    void anItemWhoseRecipientLeftKeepsNoNameAndGoesBack() {
        MailItem gone = parcel(MailKind.PARCEL).recipientLeft();
        assertThat(gone.recipient()).isInstanceOf(Recipient.Left.class);
        assertThat(gone.pickupCode()).isEmpty();
        assertThat(gone.notified()).isEmpty();
        assertThat(gone.reminderDue(LocalDate.of(2027, 3, 30), AMSTERDAM, SiteSettings.DEFAULTS)).isZero();
        assertThat(gone.returnDue(LocalDate.of(2027, 3, 23), AMSTERDAM, SiteSettings.DEFAULTS)).isTrue();
    }

    @Test
    void whatReceptionTypesIsChecked() {
        assertThat(new MailDetails(MailKind.REGISTERED_LETTER, Carrier.POSTNL, Optional.empty(), Optional.empty(), 1, Optional.empty())
                .problem()).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("trackingNumber"));
        assertThat(new MailDetails(MailKind.PARCEL, Carrier.UPS, Optional.of("1z999aa10123456784"), Optional.empty(), 1, Optional.empty())
                .trackingNumber()).contains("1Z999AA10123456784");
        assertThat(new SiteSettings(3, 3, 14, 90).problem()).hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("secondReminderDays"));
        assertThat(SiteSettings.DEFAULTS.problem()).isEmpty();
        assertThat(MailItem.isWellFormedCode("012345")).isTrue();
        assertThat(MailItem.isWellFormedCode("12345a")).isFalse();
    }

    @Test
    void aFilesTypeIsToldByItsFirstBytes() {
        assertThat(ScanType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(ScanType.JPEG);
        assertThat(ScanType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains(ScanType.PNG);
        assertThat(ScanType.sniff("%PDF-1.7".getBytes())).contains(ScanType.PDF);
        assertThat(ScanType.sniff("GIF89a..".getBytes())).isEmpty();
        assertThat(ScanType.sniff(new byte[] {(byte) 0xFF})).isEmpty();
    }
}
