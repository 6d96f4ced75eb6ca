package io.camelvideo.legnext;

import io.camelvideo.legnext.api.LegnextClient;
import io.camelvideo.legnext.model.LegnextJob;
import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.poll.PollResult;
import io.camelvideo.task.poll.TaskPoller;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One Legnext key's client, poller and downloader, shared by every endpoint using the key. */
public final class LegnextAccount {

    private final LegnextClient client;
    private final TaskPoller<LegnextJob> poller;
    private final MediaDownloader downloader;

    LegnextAccount(LegnextClient client, TaskPoller<LegnextJob> poller, MediaDownloader downloader) {
        this.client = client;
        this.poller = poller;
        this.downloader = downloader;
    }

    public LegnextClient client() {
        return client;
    }

    public TaskPoller<LegnextJob> poller() {
        return poller;
    }

    public MediaDownloader downloader() {
        return downloader;
    }

    /** The poller's status source: Legnext has no list endpoint, so one query per due job, in parallel. */
    static CompletableFuture<PollResult<LegnextJob>> fetch(LegnextClient client, List<String> jobIds) {
        return PollResult.each(jobIds, client::job);
    }
}
