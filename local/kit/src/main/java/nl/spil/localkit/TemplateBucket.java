package nl.spil.localkit;

import static nl.spil.localkit.TemplateProperties.bool;
import static nl.spil.localkit.TemplateProperties.list;
import static nl.spil.localkit.TemplateProperties.map;
import static nl.spil.localkit.TemplateProperties.str;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * An {@code AWS::S3::Bucket} of the template made in the local AWS with its versioning,
 * encryption, public access block, ownership controls and lifecycle rules (see {@link TemplateTables}).
 */
final class TemplateBucket {

    private TemplateBucket() {
    }

    static void create(S3Client s3, String name, Map<String, Object> p) {
        s3.createBucket(b -> b.bucket(name).createBucketConfiguration(c -> c
                .locationConstraint(BucketLocationConstraint.fromValue(LocalAws.REGION))));
        if (p.get("VersioningConfiguration") != null) {
            String status = str(map(p.get("VersioningConfiguration")), "Status");
            s3.putBucketVersioning(b -> b.bucket(name).versioningConfiguration(v -> v
                    .status(BucketVersioningStatus.fromValue(status))));
        }
        if (p.get("PublicAccessBlockConfiguration") != null) {
            Map<String, Object> pab = map(p.get("PublicAccessBlockConfiguration"));
            s3.putPublicAccessBlock(b -> b.bucket(name).publicAccessBlockConfiguration(c -> c
                    .blockPublicAcls(bool(pab.get("BlockPublicAcls")))
                    .blockPublicPolicy(bool(pab.get("BlockPublicPolicy")))
                    .ignorePublicAcls(bool(pab.get("IgnorePublicAcls")))
                    .restrictPublicBuckets(bool(pab.get("RestrictPublicBuckets")))));
        }
        if (p.get("BucketEncryption") != null) {
            List<ServerSideEncryptionRule> rules = list(
                    map(p.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"), r -> {
                        ServerSideEncryptionRule.Builder b = ServerSideEncryptionRule.builder();
                        if (r.get("ServerSideEncryptionByDefault") != null) {
                            Map<String, Object> d = map(r.get("ServerSideEncryptionByDefault"));
                            b.applyServerSideEncryptionByDefault(x -> x.sseAlgorithm(str(d, "SSEAlgorithm"))
                                    .kmsMasterKeyID(d.get("KMSMasterKeyID") == null ? null : str(d, "KMSMasterKeyID")));
                        }
                        if (r.get("BucketKeyEnabled") != null) {
                            b.bucketKeyEnabled(bool(r.get("BucketKeyEnabled")));
                        }
                        return b.build();
                    });
            s3.putBucketEncryption(b -> b.bucket(name).serverSideEncryptionConfiguration(c -> c.rules(rules)));
        }
        if (p.get("OwnershipControls") != null) {
            List<String> owners = list(map(p.get("OwnershipControls")).get("Rules"), r -> str(r, "ObjectOwnership"));
            s3.putBucketOwnershipControls(b -> b.bucket(name).ownershipControls(o -> o
                    .rules(owners.stream()
                            .map(x -> OwnershipControlsRule.builder().objectOwnership(x).build()).toList())));
        }
        if (p.get("LifecycleConfiguration") != null) {
            List<LifecycleRule> rules = list(map(p.get("LifecycleConfiguration")).get("Rules"), TemplateBucket::lifecycleRule);
            s3.putBucketLifecycleConfiguration(b -> b.bucket(name).lifecycleConfiguration(l -> l.rules(rules)));
        }
    }

    private static LifecycleRule lifecycleRule(Map<String, Object> r) {
        LifecycleRule.Builder b = LifecycleRule.builder()
                .id(r.get("Id") == null ? null : str(r, "Id"))
                .status(ExpirationStatus.fromValue(str(r, "Status")))
                .filter(LifecycleRuleFilter.builder().prefix(r.get("Prefix") == null ? "" : str(r, "Prefix")).build());
        if (r.get("ExpirationInDays") != null) {
            b.expiration(e -> e.days(Integer.parseInt(str(r, "ExpirationInDays"))));
        }
        if (r.get("NoncurrentVersionExpiration") != null) {
            Map<String, Object> n = map(r.get("NoncurrentVersionExpiration"));
            b.noncurrentVersionExpiration(e -> e.noncurrentDays(Integer.parseInt(str(n, "NoncurrentDays"))));
        } else if (r.get("NoncurrentVersionExpirationInDays") != null) {
            b.noncurrentVersionExpiration(e -> e.noncurrentDays(
                    Integer.parseInt(str(r, "NoncurrentVersionExpirationInDays"))));
        }
        if (r.get("AbortIncompleteMultipartUpload") != null) {
            Map<String, Object> a = map(r.get("AbortIncompleteMultipartUpload"));
            b.abortIncompleteMultipartUpload(x -> x.daysAfterInitiation(Integer.parseInt(str(a, "DaysAfterInitiation"))));
        }
        return b.build();
    }
}
