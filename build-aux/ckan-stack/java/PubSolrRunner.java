// Test-stack helper: start a standalone Solr (embedded Jetty) on 127.0.0.1.
// Usage: java -cp 'lib/*:classes' PubSolrRunner SOLR_HOME PORT
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;

public class PubSolrRunner {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: PubSolrRunner SOLR_HOME PORT");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        System.setProperty("host", "127.0.0.1");
        System.setProperty("jetty.host", "127.0.0.1");
        System.setProperty("solr.solr.home", home.toString());
        JettyConfig cfg = JettyConfig.builder().setPort(port).setContext("/solr").stopAtShutdown(true).build();
        JettySolrRunner runner = new JettySolrRunner(home.toString(), cfg);
        runner.start();
        System.out.println("PubSolrRunner: started on 127.0.0.1:" + runner.getLocalPort() + " home=" + home);
        System.out.flush();
        Thread.currentThread().join();
    }
}
