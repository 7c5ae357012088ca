package io.orderbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.BookLevel;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.app.shell.ShellModel;
import io.orderbook.app.shell.ShellView;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.domain.model.Side;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the FX thread's load with the whole trading window (1280 x 800, the headless screen's size) (ladder and chart live) while 1,000 book snapshots
 * (20 levels a side) and 100 trades arrive per second, the way the client streams deliver them (parked, applied once
 * per pulse). Prints the FX thread's busy fraction (its CPU time over wall time), the renderer thread's, the pulse
 * intervals and how often the ladder and the chart were drawn. Run on demand:
 *
 * <pre>
 * mvn -q -pl app -am test -Dtest=FxLoadMeasurement -Dobw.fxload=true -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "obw.fxload", matches = "true")
class FxLoadMeasurement {

    private static final int BOOK_UPDATES_PER_SECOND = 1000;
    private static final int TRADES_PER_SECOND = 100;
    private static final long WARM_UP_SECONDS = 3;
    private static final long MEASURE_SECONDS = 20;

    @Test
    void ladderAndChartAtAThousandBookUpdatesPerSecond() throws Exception {
        String market = TestMarkets.market("TLOAD");
        TestMarkets.trader("loadtester");
        WorkstationClient client = InProcessWorkstationClient.login(TestServer.server(), "loadtester", TestMarkets.PASSWORD);
        Stage stage = FxToolkit.registerPrimaryStage();
        TradingModel[] model = new TradingModel[1];
        ShellView[] shell = new ShellView[1];
        FxToolkit.setupStage(s -> {
            model[0] = new TradingModel(client);
            shell[0] = new ShellView(new ShellModel(), model[0], client.session(), "measurement");
            s.setScene(new Scene(shell[0].root(), 1280, 800));
            s.show();
        });
        WaitForAsyncUtils.asyncFx(() -> model[0].load(market)).get(10, TimeUnit.SECONDS);
        while (WaitForAsyncUtils.asyncFx(() -> model[0].selectedMarket()).get() == null) {
            Thread.sleep(50);
        }

        List<Long> pulseGaps = new ArrayList<>();
        AtomicBoolean recording = new AtomicBoolean();
        AnimationTimer pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (recording.get() && last != 0) {
                    pulseGaps.add(now - last);
                }
                last = now;
            }
        };
        WaitForAsyncUtils.asyncFx(pulses::start).get();

        AtomicBoolean feeding = new AtomicBoolean(true);
        AtomicLong books = new AtomicLong();
        Thread feeder = Thread.ofPlatform().name("book-feeder").start(() -> feed(market, model[0], feeding, books));

        Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fx = threadId(threads, "JavaFX Application Thread");
        long renderer = threadId(threads, "QuantumRenderer");
        long fxCpu0 = threads.getThreadCpuTime(fx);
        long renderCpu0 = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer);
        long books0 = books.get();
        long ladder0 = WaitForAsyncUtils.asyncFx(() -> shell[0].ladder().redraws()).get();
        long chart0 = WaitForAsyncUtils.asyncFx(() -> shell[0].chart().redraws()).get();
        long wall0 = System.nanoTime();
        recording.set(true);
        Thread.sleep(TimeUnit.SECONDS.toMillis(MEASURE_SECONDS));
        recording.set(false);
        long wall = System.nanoTime() - wall0;
        double fxBusy = (double) (threads.getThreadCpuTime(fx) - fxCpu0) / wall;
        double renderBusy = renderer < 0 ? Double.NaN : (double) (threads.getThreadCpuTime(renderer) - renderCpu0) / wall;
        double booksPerSecond = (books.get() - books0) * 1e9 / wall;
        long ladderDraws = WaitForAsyncUtils.asyncFx(() -> shell[0].ladder().redraws()).get() - ladder0;
        long chartDraws = WaitForAsyncUtils.asyncFx(() -> shell[0].chart().redraws()).get() - chart0;
        feeding.set(false);
        feeder.join();
        WaitForAsyncUtils.asyncFx(pulses::stop).get();

        long[] gaps;
        synchronized (pulseGaps) {
            gaps = pulseGaps.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        double seconds = wall / 1e9;
        System.out.printf("%nFX load at %.0f book updates/s and %d trades/s for %.0f s (%d cores):%n", booksPerSecond,
                TRADES_PER_SECOND, seconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("  FX thread busy:       %.1f %% of wall time%n", fxBusy * 100);
        System.out.printf("  renderer thread busy: %.1f %%%n", renderBusy * 100);
        System.out.printf("  pulses: %d (%.1f/s), interval p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", gaps.length,
                gaps.length / seconds, percentile(gaps, 0.50), percentile(gaps, 0.99), percentile(gaps, 1.0));
        System.out.printf("  redraws: ladder %d (%.1f/s), chart %d (%.1f/s)%n", ladderDraws, ladderDraws / seconds,
                chartDraws, chartDraws / seconds);

        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(model[0]::close).get();
        client.close();
        assertThat(booksPerSecond).isGreaterThan(BOOK_UPDATES_PER_SECOND * 0.9);
        // Coalescing: the ladder is drawn per pulse, not per update.
        assertThat(ladderDraws / seconds).isLessThan(booksPerSecond / 5);
        assertThat(fxBusy).isLessThan(0.5);
    }

    /** 1,000 snapshots a second of a book whose mid wanders, and a trade every tenth snapshot. */
    private static void feed(String market, TradingModel model, AtomicBoolean feeding, AtomicLong books) {
        long period = TimeUnit.SECONDS.toNanos(1) / BOOK_UPDATES_PER_SECOND;
        long next = System.nanoTime();
        long mid = 10_000;
        int n = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (feeding.get()) {
            mid = Math.max(100, mid + random.nextInt(-3, 4));
            List<BookLevel> bids = new ArrayList<>(20);
            List<BookLevel> asks = new ArrayList<>(20);
            for (int i = 1; i <= 20; i++) {
                bids.add(new BookLevel(BigDecimal.valueOf(mid - i), BigDecimal.valueOf(random.nextInt(1, 500), 2), 1));
                asks.add(new BookLevel(BigDecimal.valueOf(mid + i), BigDecimal.valueOf(random.nextInt(1, 500), 2), 1));
            }
            model.offerBook(new Book(market, bids, asks));
            books.incrementAndGet();
            if (++n % (BOOK_UPDATES_PER_SECOND / TRADES_PER_SECOND) == 0) {
                model.offerTrade(new PublicTrade(market, n, BigDecimal.valueOf(mid), BigDecimal.valueOf(random.nextInt(1, 100), 2),
                        random.nextBoolean() ? Side.BUY : Side.SELL, Instant.now()));
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private static long threadId(ThreadMXBean threads, String namePrefix) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(namePrefix)) {
                return info.getThreadId();
            }
        }
        return -1;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
