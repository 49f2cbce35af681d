package org.yiwang.catalog.search;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.yiwang.catalog.ItemPublished;
import org.yiwang.catalog.ItemSearch;
import org.yiwang.catalog.ItemWithdrawn;
import org.yiwang.catalog.PublishedItems;
import org.yiwang.catalog.SearchError;
import org.yiwang.catalog.SearchQuery;
import org.yiwang.catalog.SearchResult;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * Keeps the search index in step with the published items: builds it from PostgreSQL once the application is
 * ready (in the background when there are many items) and updates it after each publication or withdrawal commits.
 */
@Service
class SearchIndexService implements ItemSearch {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexService.class);

    private final PublishedItems items;
    private final Departments departments;
    private final int blockingBuildLimit;
    private final ItemIndex index = new ItemIndex();
    private final AtomicLong expected = new AtomicLong();
    /** Codes changed while the initial build ran; they are read again once it ends. */
    private final Set<String> changedDuringBuild = ConcurrentHashMap.newKeySet();
    private volatile boolean ready;

    SearchIndexService(PublishedItems items, Departments departments,
            @Value("${yiwang.search.blocking-build-limit:10000}") int blockingBuildLimit) {
        this.items = items;
        this.departments = departments;
        this.blockingBuildLimit = blockingBuildLimit;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildAtStartup() {
        long count = items.count();
        expected.set(count);
        if (count <= blockingBuildLimit) {
            build();
        } else {
            var builder = new Thread(this::build, "search-index-build");
            builder.setDaemon(true);
            builder.start();
        }
    }

    private void build() {
        long started = System.nanoTime();
        var departmentCache = new ConcurrentHashMap<String, Optional<Department>>();
        // Reading from PostgreSQL and analysing the texts overlap: the reader hands items to one worker per core.
        int workers = Runtime.getRuntime().availableProcessors();
        var analysers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            items.forEach(item -> analysers.execute(() -> index.put(item,
                    departmentCache.computeIfAbsent(item.content().departmentCode(), this::department).orElse(null))));
            analysers.shutdown();
            if (!analysers.awaitTermination(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("search index build did not finish");
            }
            index.compact();
            index.refresh();
            ready = true;
            changedDuringBuild.forEach(this::reindex);
            changedDuringBuild.clear();
            log.info("Search index built: {} published items in {} ms", index.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Building the search index failed", e);
            throw e;
        } finally {
            analysers.shutdownNow();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ItemPublished event) {
        reindex(event.code());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ItemWithdrawn event) {
        reindex(event.code());
    }

    /** Reads the item again: the event may be older than what is now published. */
    private void reindex(String code) {
        if (!ready) {
            changedDuringBuild.add(code);
        }
        items.find(code).ifPresentOrElse(
                item -> index.put(item, department(item.content().departmentCode()).orElse(null)),
                () -> index.remove(code));
        index.refresh();
    }

    private Optional<Department> department(String code) {
        return CreditCode.isValid(code) ? departments.find(new CreditCode(code)) : Optional.empty();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        if (!ready) {
            throw new BusinessException(SearchError.CATALOG_SEARCH_NOT_READY, index.size(), expected.get());
        }
        return index.search(query);
    }

    @Override
    public boolean ready() {
        return ready;
    }

    int indexed() {
        return index.size();
    }

    long expected() {
        return expected.get();
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}
