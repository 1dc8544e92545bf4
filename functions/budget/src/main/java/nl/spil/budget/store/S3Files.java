package nl.spil.budget.store;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.spil.budget.app.Files;
import nl.spil.budget.domain.ReceiptType;
import nl.spil.platform.config.Settings;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The budget's files in the private files bucket (FILES_BUCKET), under {@code budget/}: receipts
 * uploaded and read through pre-signed URLs only, monthly reports written by the schedule.
 */
@Singleton
public class S3Files implements Files {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3Files(S3Client s3, S3Presigner presigner, Settings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.require("FILES_BUCKET");
    }

    @Override
    public Upload upload(String key, ReceiptType type, long size, Duration validFor) {
        PresignedPutObjectRequest put = presigner.presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(type.contentType()).contentLength(size)));
        Map<String, String> headers = new LinkedHashMap<>();
        put.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new Upload(put.url().toString(), headers, put.expiration());
    }

    private static String canonical(String header) {
        return switch (header.toLowerCase(Locale.ROOT)) {
            case "content-type" -> "Content-Type";
            case "content-length" -> "Content-Length";
            default -> header;
        };
    }

    @Override
    public Optional<Stored> inspect(String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(h -> h.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        long size = head.contentLength() == null ? 0 : head.contentLength();
        byte[] first = new byte[0];
        if (size > 0) {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key)
                    .versionId(head.versionId()).range("bytes=0-" + (ReceiptType.MAGIC_BYTES - 1)).build());
            first = bytes.asByteArray();
        }
        return Optional.of(new Stored(head.versionId(), size, head.contentType(), first));
    }

    @Override
    public void delete(String key, String versionId) {
        s3.deleteObject(d -> d.bucket(bucket).key(key).versionId(versionId));
    }

    @Override
    public Link link(String key, Optional<String> versionId, Duration validFor) {
        PresignedGetObjectRequest get = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(o -> o.bucket(bucket).key(key).versionId(versionId.orElse(null))));
        return new Link(get.url().toString(), get.expiration());
    }

    @Override
    public boolean putIfAbsent(String key, byte[] content, String contentType) {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
            return false;
        } catch (NoSuchKeyException e) {
            // absent: write it
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType(contentType).ifNoneMatch("*").build(),
                    RequestBody.fromBytes(content));
            return true;
        } catch (S3Exception e) {
            if (List.of(409, 412).contains(e.statusCode())) {
                return false; // written meanwhile by a run at the same moment
            }
            throw e;
        }
    }
}
