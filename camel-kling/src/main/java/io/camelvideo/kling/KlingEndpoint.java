package io.camelvideo.kling;

import io.camelvideo.kling.api.KlingClient;
import io.camelvideo.kling.model.KlingTask;
import io.camelvideo.task.camel.EndpointOptions;
import io.camelvideo.task.camel.RemoteAccount;
import io.camelvideo.task.camel.TaskEndpoint;
import io.camelvideo.task.tracking.TaskScope;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Create, query, list and download Kling AI video tasks (text to video, image to video, multi-image
 * to video, video extension, add-sound), and consume each tracked task once when it ends.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kling", title = "Kling AI", syntax = "kling:kind",
             category = { Category.AI }, headersClass = KlingConstants.class)
public class KlingEndpoint extends ScheduledPollEndpoint implements TaskEndpoint {

    /**
     * The task family: image (image generation), omniImage, multiImage2image, imageExpand, virtualTryOn, aiMultiShot, element, voice (custom voices), text2video, image2video, multiImage2video, extend (video-extend), addSound (video-to-audio),
     * text2audio, omniVideo (kling-video-o1, kling-v3-omni), motionControl, avatar, effects, advancedLipSync,
     * multiElements (after the multiElementsSelection steps), lipSync (the legacy lip sync), and the synchronous tts, identifyFace, imageRecognize, multiElementsSelection and accountCosts.
     */
    @UriPath
    @Metadata(required = true)
    private KlingKind kind;

    @UriParam
    private KlingConfiguration configuration;

    private RemoteAccount<KlingClient, KlingTask> account;
    private final KlingTaskMessages messages = new KlingTaskMessages(this);

    public KlingEndpoint(String uri, KlingComponent component, KlingKind kind, KlingConfiguration configuration) {
        super(uri, component);
        this.kind = kind;
        this.configuration = configuration;
    }

    @Override
    public KlingComponent getComponent() {
        return (KlingComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new KlingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (kind.synchronous()) {
            throw new IllegalArgumentException("kling:" + kind + " has no consumer: it answers at once, in the producer's reply");
        }
        KlingConsumer consumer = new KlingConsumer(this, processor, getComponent().tracker(this));
        configureConsumer(consumer);
        return consumer;
    }

    /** Where this endpoint's tasks are kept: ledger scope {@code kling:<kind>}, checked per kind. */
    @Override
    public TaskScope taskScope() {
        return taskScope(kind.name());
    }

    /** The scope of the tasks of {@code kind}: the same for endpoints and callbacks. */
    static TaskScope taskScope(String kind) {
        return TaskScope.of("kling", kind, kind);
    }

    /** Options Camel binds as text are checked here, so a wrong value fails the route at start, listing the valid ones. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        EndpointOptions.requireOneOf("kling", "onlyStatus", configuration.getOnlyStatus(), java.util.List.of("succeed", "failed"));
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        account = getComponent().account(configuration);
    }

    public KlingKind getKind() {
        return kind;
    }

    public void setKind(KlingKind kind) {
        this.kind = kind;
    }

    public KlingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KlingConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The account (client, poller, downloader) of this endpoint's credentials; set once started. */
    public RemoteAccount<KlingClient, KlingTask> getAccount() {
        return account;
    }

    /** How this endpoint's tasks become messages (headers, body, files). */
    KlingTaskMessages messages() {
        return messages;
    }
}
