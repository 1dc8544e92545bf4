package nl.spil.local;

/**
 * The {@code ./spil-local} command: reads its options ({@code --port <n>}, {@code --no-seed}, {@code --eager};
 * {@code SPIL_LOCAL_PORT}), starts the {@link LocalCloud}, prints its banner and runs until Ctrl-C.
 */
public final class SpilLocal {

    private SpilLocal() {
    }

    public static void main(String[] args) {
        LocalCloud.Options options = LocalCloud.Options.defaults();
        try {
            String envPort = System.getenv("SPIL_LOCAL_PORT");
            if (envPort != null && !envPort.isBlank()) {
                options = options.withPort(Integer.parseInt(envPort.trim()));
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--port") && i + 1 < args.length) {
                    options = options.withPort(Integer.parseInt(args[++i]));
                } else if (args[i].equals("--no-seed")) {
                    options = new LocalCloud.Options(options.port(), false, options.logDir(), options.runtimeDir(), options.out(),
                            options.eager());
                } else if (args[i].equals("--eager")) {
                    options = new LocalCloud.Options(options.port(), options.seed(), options.logDir(), options.runtimeDir(),
                            options.out(), true);
                } else {
                    System.err.println("spil-local: unknown option " + args[i] + "; options: --port <n>, --no-seed, --eager, --rebuild");
                    System.exit(2);
                }
            }
        } catch (NumberFormatException e) {
            System.err.println("spil-local: a port is a number from 0 to 65535 (" + e.getMessage() + ")");
            System.exit(2);
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options);
        } catch (LocalCloud.CannotStart e) {
            System.err.println("spil-local: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("spil-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        LocalCloud running = cloud;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the local cloud…");
            running.close();
        }, "spil-local-stop"));
        System.out.print(cloud.banner());
        System.out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
