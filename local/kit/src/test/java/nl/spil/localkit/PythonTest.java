package nl.spil.localkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonTest {

    @Test
    void theShebangOfMotoServerNamesItsPython(@TempDir Path dir) throws IOException {
        Path direct = Files.writeString(dir.resolve("a"), "#!/opt/py/bin/python3.11\nimport moto\n");
        Path env = Files.writeString(dir.resolve("b"), "#!/usr/bin/env -S python3 -u\n");
        Path none = Files.writeString(dir.resolve("c"), "import moto\n");
        assertThat(Python.shebang(direct)).contains("/opt/py/bin/python3.11");
        assertThat(Python.shebang(env)).contains("python3");
        assertThat(Python.shebang(none)).isEqualTo(Optional.empty());
    }
}
