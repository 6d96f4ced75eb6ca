package io.camelvideo.task.camel;

import io.camelvideo.task.media.MediaDownloader;
import io.camelvideo.task.poll.TaskPoller;

/**
 * Everything tied to one API account (base URL + credentials): its client, the one poller that
 * watches all its pending tasks, and the downloader. Shared by every endpoint of the account.
 *
 * @param <C> the component's API client
 * @param <S> the component's task state
 */
public record RemoteAccount<C, S>(C client, TaskPoller<S> poller, MediaDownloader downloader) {
}
