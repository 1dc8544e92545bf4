package nl.spil.mailroom.store;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.spil.mailroom.app.Scans;
import nl.spil.mailroom.domain.ScanType;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Photos and scans in the template's FilesBucket (private, encrypted by default, TLS only) under
 * {@code mailroom/<item>/scan}: the key is bound to the item, and the upload link signs its
 * content type and length, so what may be uploaded through it is exactly what was announced.
 * Links are computed locally (no request); reading back what arrived is a HeadObject and a
 * ranged GetObject of its first bytes.
 */
@Singleton
public class S3Scans implements Scans {

    public static final String PREFIX = "mailroom/";
    static final Duration UPLOAD_VALIDITY = Duration.ofMinutes(10);
    static final Duration READ_VALIDITY = Duration.ofMinutes(5);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3Scans(S3Client s3, S3Presigner presigner, Settings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.require("FILES_BUCKET");
    }

    static String key(String itemId) {
        return PREFIX + itemId + "/scan";
    }

    @Override
    public UploadLink uploadLink(String itemId, ScanType type, long bytes) {
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p.signatureDuration(UPLOAD_VALIDITY)
                .putObjectRequest(r -> r.bucket(bucket).key(key(itemId)).contentType(type.mediaType()).contentLength(bytes)));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        return new UploadLink(signed.url().toString(), "PUT", headers, signed.expiration());
    }

    @Override
    public ReadLink readLink(String itemId, ScanType type) {
        PresignedGetObjectRequest signed = presigner.presignGetObject(p -> p.signatureDuration(READ_VALIDITY)
                .getObjectRequest(r -> r.bucket(bucket).key(key(itemId)).responseContentType(type.mediaType())
                        .responseContentDisposition("inline").responseCacheControl("no-store")));
        return new ReadLink(signed.url().toString(), signed.expiration());
    }

    @Override
    public Optional<Arrived> arrived(String itemId) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key(itemId)));
            long size = head.contentLength() == null ? 0 : head.contentLength();
            if (size == 0) {
                return Optional.of(new Arrived(0, new byte[0]));
            }
            ResponseBytes<GetObjectResponse> first = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(itemId))
                    .range("bytes=0-" + (ScanType.HEAD_BYTES - 1)));
            return Optional.of(new Arrived(size, first.asByteArray()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void delete(String itemId) {
        String prefix = PREFIX + itemId + "/";
        String keyMarker = null;
        String versionMarker = null;
        do {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(r -> r.bucket(bucket).prefix(prefix).keyMarker(km)
                    .versionIdMarker(vm));
            List<ObjectIdentifier> versions = new ArrayList<>();
            page.versions().forEach(v -> versions.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(v -> versions.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            if (!versions.isEmpty()) {
                s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(versions).quiet(true)));
            }
            boolean more = Boolean.TRUE.equals(page.isTruncated());
            keyMarker = more ? page.nextKeyMarker() : null;
            versionMarker = more ? page.nextVersionIdMarker() : null;
        } while (keyMarker != null);
    }

    /** When it expires, for tests that check a link's validity by its parameters (the local S3 does not refuse old links). */
    static Instant expiry(Instant signedAt, Duration validity) {
        return signedAt.plus(validity);
    }
}
