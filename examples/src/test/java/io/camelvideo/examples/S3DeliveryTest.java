package io.camelvideo.examples;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.kling.KlingConstants;
import org.apache.camel.CamelContext;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.BlobStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Finished videos stored in S3 (s3proxy with its in-memory store, in the JVM), path-style with an endpoint override. */
class S3DeliveryTest {

    static S3Proxy s3Proxy;
    static int s3Port;

    @BeforeAll
    static void startS3() throws Exception {
        BlobStore store = BlobStores.create("transient", new Properties());
        s3Proxy = S3Proxy.builder()
                .blobStore(store)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "test-access", "test-secret")
                .endpoint(URI.create("http://127.0.0.1:0"))
                .stopTimeout(0)
                .build();
        s3Proxy.start();
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "STARTED".equals(s3Proxy.getState()));
        s3Port = s3Proxy.getPort();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3Proxy.stop();
    }

    @Test
    void finishedVideosAreStoredUnderTheirTaskId() throws Exception {
        String endpoint = "http://127.0.0.1:" + s3Port;
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000));
             S3Client s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access", "test-secret")))
                     .build()) {
            CamelContext context = DeliveryTestSupport.context(emulator);
            context.addRoutes(new S3Delivery("aws2-s3://videos?overrideEndpoint=true&uriEndpointOverride=" + endpoint
                    + "&forcePathStyle=true&accessKey=test-access&secretKey=RAW(test-secret)&region=us-east-1&autoCreateBucket=true"));
            context.start();
            try {
                String taskId = context.createProducerTemplate().request("kling:text2video",
                        e -> e.getMessage().setBody("a fox")).getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                String key = "videos/" + taskId + ".mp4";

                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> s3.headObject(HeadObjectRequest.builder().bucket("videos").key(key).build()) != null);
                byte[] stored = s3.getObjectAsBytes(GetObjectRequest.builder().bucket("videos").key(key).build()).asByteArray();

                assertThat(new String(stored, 4, 4)).isEqualTo("ftyp");
                assertThat(s3.headObject(HeadObjectRequest.builder().bucket("videos").key(key).build()).contentType())
                        .isEqualTo("video/mp4");
            } finally {
                context.stop();
            }
        }
    }
}
