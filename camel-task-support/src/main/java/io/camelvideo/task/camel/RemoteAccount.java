package io.camelvideo.task.camel;

import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.poll.TaskPoller;
import io.camelvideo.task.submit.SubmitProtocol;

/**
 * Everything tied to one API account (base URL + credentials): its client, the one poller that
 * watches all its pending tasks, the downloader, and the submit protocol that keeps its paid creates
 * at most once per input. Shared by every endpoint of the account.
 *
 * @param <C> the component's API client
 * @param <S> the component's task state
 */
public record RemoteAccount<C, S>(C client, TaskPoller<S> poller, MediaDownloader downloader, SubmitProtocol submits) {
}
