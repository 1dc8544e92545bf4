package nl.spil.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import nl.spil.localkit.Repo;
import org.junit.jupiter.api.Test;

/**
 * The web app in a real browser against the running local cloud: the Playwright paths of
 * web/e2e (one per role) in Debian's headless Chromium, with axe-core on every page and
 * screenshots at phone and laptop width in local/target/web-e2e/. The web module has built the
 * app (web/dist) and installed its packages before this module's tests run.
 */
class WebAppIT {

    @Test
    void everyRolesMainPathWorksInChromium() throws Exception {
        Path web = Repo.path("web");
        assertThat(web.resolve("dist/index.html")).as("the web module builds web/dist first (./mvnw -pl local -am)").exists();
        assertThat(web.resolve("node_modules/playwright-core")).as("npm ci in web/ (the web module) installs Playwright").exists();
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        assertThat(Path.of(chromium)).as("Debian's Chromium: apt-get install -y chromium chromium-driver").exists();

        LocalCloud cloud = RunningCloud.get();
        Path out = Repo.path("local/target/web-e2e");
        Files.createDirectories(out);
        Path log = out.resolve("e2e.log");
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "e2e").directory(web.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPIL_URL", cloud.baseUrl().toString());
        pb.environment().put("SPIL_E2E_OUT", out.toAbsolutePath().toString());
        pb.environment().put("CHROMIUM", chromium);
        pb.environment().put("NO_COLOR", "1");
        Process p = pb.start();
        boolean finished = p.waitFor(Duration.ofMinutes(12).toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);
        assertThat(finished).as("the browser paths finish within 12 minutes; see " + log).isTrue();
        assertThat(p.exitValue()).as("browser paths failed; see " + log + "\n" + output).isZero();
        assertThat(out.toFile().list((File dir, String name) -> name.endsWith("-phone.png"))).isNotEmpty();
        assertThat(out.toFile().list((File dir, String name) -> name.endsWith("-laptop.png"))).isNotEmpty();
    }
}
