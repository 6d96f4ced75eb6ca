package io.camelvideo.examples;

import io.camelvideo.emulator.Emulator;
import io.camelvideo.emulator.EmulatorSettings;
import io.camelvideo.kling.KlingComponent;
import io.camelvideo.kling.KlingConstants;
import io.camelvideo.task.ledger.TaskLedger;
import io.camelvideo.task.ledger.TrackedTask;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Finished videos uploaded to a real FTP server (Apache MINA FtpServer in the JVM). */
class FtpDeliveryTest {

    @TempDir
    static Path ftpHome;
    static FtpServer ftpServer;
    static int ftpPort;

    @BeforeAll
    static void startFtp() throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName("camel");
        user.setPassword("secret");
        user.setHomeDirectory(ftpHome.toString());
        user.setAuthorities(List.<Authority>of(new WritePermission()));
        userManager.save(user);
        factory.setUserManager(userManager);
        ftpServer = factory.createServer();
        ftpServer.start();
        ftpPort = factory.getListener("default").getPort();
    }

    @AfterAll
    static void stopFtp() {
        ftpServer.stop();
    }

    @Test
    void finishedVideosAreUploadedByteForByte() throws Exception {
        try (Emulator emulator = Emulator.start(new EmulatorSettings().speed(1000))) {
            CamelContext context = DeliveryTestSupport.context(emulator);
            context.addRoutes(new FtpDelivery("ftp://camel@127.0.0.1:" + ftpPort
                    + "/videos?password=secret&passiveMode=true&binary=true"));
            context.start();
            try {
                Exchange first = context.createProducerTemplate().request("kling:text2video",
                        e -> e.getMessage().setBody("a fox"));
                Exchange second = context.createProducerTemplate().request("kling:text2video",
                        e -> e.getMessage().setBody("a lighthouse"));
                Exchange failing = context.createProducerTemplate().request("kling:text2video",
                        e -> e.getMessage().setBody("a [fail] cat"));
                String firstId = first.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                String secondId = second.getMessage().getHeader(KlingConstants.TASK_ID, String.class);
                String failedId = failing.getMessage().getHeader(KlingConstants.TASK_ID, String.class);

                Path uploaded = ftpHome.resolve("videos").resolve(firstId + ".mp4");
                TaskLedger ledger = context.getComponent("kling", KlingComponent.class).ledger();
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(uploaded)
                        && Files.exists(ftpHome.resolve("videos").resolve(secondId + ".mp4"))
                        && ledger.find("kling:text2video", failedId) != null
                        && ledger.find("kling:text2video", failedId).state() == TrackedTask.State.DELIVERED);

                byte[] expected = videoBytes(emulator, firstId);
                assertThat(Files.readAllBytes(uploaded)).isEqualTo(expected);
                try (var files = Files.list(ftpHome.resolve("videos"))) {
                    assertThat(files.count()).isEqualTo(2);
                }
            } finally {
                context.stop();
            }
        }
    }

    /** The video of a task as the emulator's CDN serves it. */
    private static byte[] videoBytes(Emulator emulator, String taskId) throws Exception {
        java.util.Map<?, ?> result = (java.util.Map<?, ?>) emulator.kling().task(taskId).get("task_result");
        java.util.Map<?, ?> video = (java.util.Map<?, ?>) ((List<?>) result.get("videos")).get(0);
        try (var in = java.net.URI.create(video.get("url").toString()).toURL().openStream()) {
            return in.readAllBytes();
        }
    }
}
