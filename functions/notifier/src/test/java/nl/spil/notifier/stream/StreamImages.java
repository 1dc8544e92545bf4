package nl.spil.notifier.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Stream record images (aws-lambda-java-events' AttributeValue) as the SDK's AttributeValue, so a
 * test can put a recorded stream event's image into the table.
 */
public final class StreamImages {

    private StreamImages() {
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        if (image != null) {
            image.forEach((name, value) -> out.put(name, toSdk(value)));
        }
        return out;
    }

    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
        var sdk = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v.getS() != null) {
            return sdk.s(v.getS()).build();
        }
        if (v.getN() != null) {
            return sdk.n(v.getN()).build();
        }
        if (v.getB() != null) {
            return sdk.b(bytes(v.getB())).build();
        }
        if (v.getBOOL() != null) {
            return sdk.bool(v.getBOOL()).build();
        }
        if (v.getNULL() != null) {
            return sdk.nul(v.getNULL()).build();
        }
        if (v.getSS() != null) {
            return sdk.ss(v.getSS()).build();
        }
        if (v.getNS() != null) {
            return sdk.ns(v.getNS()).build();
        }
        if (v.getBS() != null) {
            return sdk.bs(v.getBS().stream().map(StreamImages::bytes).toList()).build();
        }
        if (v.getL() != null) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list = new ArrayList<>();
            v.getL().forEach(e -> list.add(toSdk(e)));
            return sdk.l(list).build();
        }
        if (v.getM() != null) {
            return sdk.m(toSdk(v.getM())).build();
        }
        throw new IllegalArgumentException("stream attribute value has no type");
    }

    private static SdkBytes bytes(ByteBuffer buffer) {
        return SdkBytes.fromByteBuffer(buffer.asReadOnlyBuffer());
    }
}
