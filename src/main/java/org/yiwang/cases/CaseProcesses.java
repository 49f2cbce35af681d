package org.yiwang.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.common.engine.impl.util.io.BytesStreamSource;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yiwang.catalog.PublishedItem;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * Per-item processes (事项流程): a department or platform administrator uploads a BPMN 2.0 file for an item; it is
 * parsed with XML safety on, checked and deployed to Flowable as {@code case-<item code>}, and new cases of the item
 * start it (running cases keep theirs). Refused unless it has the user tasks the case actions complete —
 * {@code accept}, {@code review}, {@code decide}, {@code complete} in that order, and {@code preReview} for an item
 * with pre-review — each with one candidate group {@code <role>@<scope>}, and nothing but start and end events,
 * user tasks, exclusive gateways and sequence flows (no scripts, service tasks, listeners or other expressions than
 * conditions on {@code preReview}).
 */
@Service
public class CaseProcesses {

    /** What is deployed for an item. */
    public record ProcessDeployment(String itemCode, String processDefinitionId, int version, String uploadedBy,
            Instant uploadedAt) {
    }

    static final List<String> ORDER = List.of(CaseProcess.ACCEPT, CaseProcess.REVIEW, CaseProcess.DECIDE,
            CaseProcess.COMPLETE);
    private static final Set<String> TASKS = Set.of(CaseProcess.PRE_REVIEW, CaseProcess.ACCEPT, CaseProcess.REVIEW,
            CaseProcess.DECIDE, CaseProcess.COMPLETE);
    private static final Pattern CANDIDATE_GROUP = Pattern.compile(
            "(WINDOW_CLERK|REVIEWER|APPROVER)@(\\$\\{regionCode}|\\$\\{departmentCode}|[0-9A-Z]{2,18})");
    private static final Pattern CONDITION = Pattern.compile("\\$\\{\\s*!?\\s*preReview\\s*}");
    private static final Logger log = LoggerFactory.getLogger(CaseProcesses.class);

    private final Submissions submissions;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final CaseClock clock;
    private final TransactionTemplate tx;

    CaseProcesses(Submissions submissions, RepositoryService repository, JdbcClient jdbc, CaseClock clock,
            TransactionTemplate tx) {
        this.submissions = submissions;
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
    }

    public ProcessDeployment upload(Staff staff, String itemCode, byte[] bpmn) {
        PublishedItem item = submissions.item(itemCode).item();
        CreditCode department = CreditCode.of(item.content().departmentCode());
        if (!(staff.has(StaffRole.DEPARTMENT_ADMIN) || staff.has(StaffRole.PLATFORM_ADMIN))
                || !staff.mayManage(department)) {
            throw new BusinessException(CasesError.CASES_NOT_YOUR_DEPARTMENT);
        }
        BpmnModel model = parse(bpmn);
        check(model, item.content().preReview());
        Process process = model.getMainProcess();
        process.setId("case-" + item.code());
        process.setName(item.content().name() + "办件流程");
        Deployment deployment;
        try {
            deployment = repository.createDeployment().name("case-" + item.code())
                    .addBpmnModel("case-" + item.code() + ".bpmn20.xml", model).deploy();
        } catch (FlowableException e) {
            throw new BusinessException(CasesError.CASES_PROCESS_INVALID, brief(e));
        }
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .singleResult();
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO service_case_process (item_code, process_definition_id, deployment_id, uploaded_by,
                    uploaded_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (item_code) DO UPDATE SET process_definition_id = EXCLUDED.process_definition_id,
                    deployment_id = EXCLUDED.deployment_id, uploaded_by = EXCLUDED.uploaded_by,
                    uploaded_at = EXCLUDED.uploaded_at""")
                .params(item.code(), definition.getId(), deployment.getId(), staff.username(), Timestamp.from(now))
                .update());
        log.info("Process {} (version {}) deployed for item {} by {}", definition.getKey(), definition.getVersion(),
                item.code(), staff.username());
        return new ProcessDeployment(item.code(), definition.getId(), definition.getVersion(), staff.username(), now);
    }

    public Optional<ProcessDeployment> current(String itemCode) {
        return jdbc.sql("SELECT * FROM service_case_process WHERE item_code = ?").param(itemCode)
                .query((rs, n) -> new ProcessDeployment(rs.getString("item_code"),
                        rs.getString("process_definition_id"),
                        repository.getProcessDefinition(rs.getString("process_definition_id")).getVersion(),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant())).optional();
    }

    private static BpmnModel parse(byte[] bpmn) {
        try {
            BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(new BytesStreamSource(bpmn), true, true);
            if (model.getProcesses().size() != 1) {
                throw new BusinessException(CasesError.CASES_PROCESS_INVALID, "须有且只有一个流程（process）");
            }
            return model;
        } catch (BusinessException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BusinessException(CasesError.CASES_PROCESS_INVALID, brief(e));
        }
    }

    static void check(BpmnModel model, boolean preReview) {
        Process process = model.getMainProcess();
        if (!process.getExecutionListeners().isEmpty()) {
            throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, "executionListener");
        }
        Set<String> userTasks = new HashSet<>();
        for (FlowElement e : process.getFlowElements()) {
            if (!e.getExecutionListeners().isEmpty()) {
                throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, "executionListener");
            }
            if (e instanceof StartEvent s && s.getEventDefinitions().isEmpty() && s.getFormKey() == null
                    || e instanceof EndEvent end && end.getEventDefinitions().isEmpty()
                    || e instanceof ExclusiveGateway) {
                continue;
            }
            if (e instanceof SequenceFlow flow) {
                String condition = flow.getConditionExpression();
                if (condition != null && !condition.isBlank() && !CONDITION.matcher(condition.strip()).matches()) {
                    throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, condition.strip());
                }
                continue;
            }
            if (e instanceof UserTask task && e.getClass() == UserTask.class) {
                checkTask(task);
                userTasks.add(task.getId());
                continue;
            }
            throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, describe(e));
        }
        Set<String> required = new LinkedHashSet<>(ORDER);
        if (preReview) {
            required.add(CaseProcess.PRE_REVIEW);
        }
        for (String key : required) {
            if (!userTasks.contains(key)) {
                throw new BusinessException(CasesError.CASES_PROCESS_TASK_MISSING, key);
            }
        }
        for (int i = 0; i + 1 < ORDER.size(); i++) {
            if (!reaches(process, ORDER.get(i), ORDER.get(i + 1))) {
                throw new BusinessException(CasesError.CASES_PROCESS_INVALID,
                        "“" + ORDER.get(i) + "”之后须能到达“" + ORDER.get(i + 1) + "”");
            }
        }
    }

    private static void checkTask(UserTask task) {
        if (!TASKS.contains(task.getId())) {
            throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, "userTask " + task.getId());
        }
        if (!task.getTaskListeners().isEmpty() || task.getAssignee() != null || !task.getCandidateUsers().isEmpty()
                || task.getSkipExpression() != null || task.getDueDate() != null || task.getOwner() != null
                || !task.getBoundaryEvents().isEmpty() || task.getLoopCharacteristics() != null) {
            throw new BusinessException(CasesError.CASES_PROCESS_ELEMENT_NOT_ALLOWED, "userTask " + task.getId()
                    + " 的监听器、处理人表达式或其他扩展");
        }
        List<String> groups = task.getCandidateGroups();
        if (groups.size() != 1 || !CANDIDATE_GROUP.matcher(groups.get(0).strip()).matches()) {
            throw new BusinessException(CasesError.CASES_PROCESS_CANDIDATE_GROUP_INVALID, task.getId());
        }
    }

    private static boolean reaches(Process process, String from, String to) {
        Deque<FlowNode> open = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (process.getFlowElement(from) instanceof FlowNode start) {
            start.getOutgoingFlows().forEach(f -> {
                if (f.getTargetFlowElement() instanceof FlowNode n) {
                    open.add(n);
                }
            });
        }
        while (!open.isEmpty()) {
            FlowNode node = open.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node.getId().equals(to)) {
                return true;
            }
            if (node instanceof UserTask) {
                continue;
            }
            node.getOutgoingFlows().forEach(f -> {
                if (f.getTargetFlowElement() instanceof FlowNode n) {
                    open.add(n);
                }
            });
        }
        return false;
    }

    private static String describe(BaseElement e) {
        String type = e.getClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + (e.getId() == null ? "" : " " + e.getId());
    }

    private static String brief(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
