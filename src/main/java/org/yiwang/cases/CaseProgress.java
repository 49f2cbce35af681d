package org.yiwang.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.shared.BusinessException;

/**
 * The public progress query (办件查询) by case number and query code, without login. A wrong pair answers exactly as
 * a case that does not exist; each client address may get {@code yiwang.cases.progress.max-failures} wrong answers
 * per {@code failure-window} (counted on this instance), then 429 until they age out.
 */
@Service
public class CaseProgress {

    private static final Logger log = LoggerFactory.getLogger(CaseProgress.class);

    private final CaseStore store;
    private final CaseTrail trail;
    private final CaseViews views;
    private final TimeLimits limits;
    private final CaseClock clock;
    private final CasesProperties properties;
    private final TransactionTemplate tx;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    CaseProgress(CaseStore store, CaseTrail trail, CaseViews views, TimeLimits limits, CaseClock clock,
            CasesProperties properties, TransactionTemplate tx) {
        this.store = store;
        this.trail = trail;
        this.views = views;
        this.limits = limits;
        this.clock = clock;
        this.properties = properties;
        this.tx = tx;
    }

    public ProgressView query(@Nullable String caseNumber, @Nullable String queryCode, String clientAddress) {
        Instant now = Instant.now();
        Deque<Instant> recent = failures.computeIfAbsent(clientAddress, a -> new ArrayDeque<>());
        synchronized (recent) {
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(properties.progress().failureWindow()))) {
                recent.pollFirst();
            }
            if (recent.size() >= properties.progress().maxFailures()) {
                throw new BusinessException(CasesError.CASES_PROGRESS_RATE_LIMITED);
            }
        }
        CaseRecord c = caseNumber == null || queryCode == null || caseNumber.length() > 50 ? null
                : tx.execute(s -> store.findByNumber(caseNumber.strip()).orElse(null));
        if (c == null || c.queryCode() == null || !MessageDigest.isEqual(
                c.queryCode().getBytes(StandardCharsets.US_ASCII),
                queryCode.strip().toUpperCase().getBytes(StandardCharsets.US_ASCII))) {
            synchronized (recent) {
                recent.addLast(now);
            }
            log.info("Progress query with a wrong case number or query code from {}", clientAddress);
            throw new BusinessException(CasesError.CASES_CASE_NOT_FOUND);
        }
        TimeLimits.Status status = limits.status(c, clock.today());
        ResultCode result = c.resultCode() == null ? null : ResultCode.of(c.resultCode()).orElse(null);
        return new ProgressView(c.number(), c.itemName(), views.departmentName(c.departmentCode()),
                maskName(c.applicantName(), c.applicantKind()), c.state(), c.state().label(), c.submittedAt(),
                c.acceptedAt(), c.dueDate(), status.remaining(), c.completedAt(),
                result == null ? null : result.label(),
                tx.execute(s -> trail.entries(c.id())).stream()
                        .filter(e -> !CaseViews.INTERNAL.contains(e.action()))
                        .map(e -> new ProgressView.Step(e.at(), e.actionLabel(), e.stateAfter().label())).toList());
    }

    /** 张三 → 张*, 欧阳娜娜 → 欧***; an enterprise keeps its first three and last two characters. */
    static String maskName(String name, ApplicantKind kind) {
        if (kind == ApplicantKind.ENTERPRISE && name.length() > 5) {
            return name.substring(0, 3) + "*".repeat(name.length() - 5) + name.substring(name.length() - 2);
        }
        return name.isEmpty() ? "" : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
