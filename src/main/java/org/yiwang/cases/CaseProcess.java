package org.yiwang.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.spring.boot.ProcessEngineConfigurationConfigurer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;

/**
 * The Flowable side of a case: starts its process instance, finds and completes its current user task, claims and
 * releases it. Called inside the case's transaction, so the engine's changes commit or roll back with the case row.
 * Candidate groups are {@code <StaffRole>@<scope>}; the role before the {@code @} is what the case table records as
 * the current task's role.
 */
@Component
class CaseProcess {

    /** Key of the default process ({@code processes/yiwang-case.bpmn20.xml}). */
    static final String DEFAULT_KEY = "yiwang-case";
    /** Task definition keys the case actions complete. */
    static final String PRE_REVIEW = "preReview";
    static final String ACCEPT = "accept";
    static final String REVIEW = "review";
    static final String DECIDE = "decide";
    static final String COMPLETE = "complete";

    /** The active user task of a case. */
    record CurrentTask(String id, String key, String name, @Nullable StaffRole role, @Nullable String assignee) {
    }

    record Started(String processInstanceId, String processDefinitionId, @Nullable CurrentTask task) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private volatile @Nullable String defaultDefinitionId;

    CaseProcess(RuntimeService runtime, TaskService tasks, RepositoryService repository, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    Started start(String itemCode, String caseNumber, String regionCode, String departmentCode, boolean preReview) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("regionCode", regionCode);
        variables.put("departmentCode", departmentCode);
        variables.put("preReview", preReview);
        variables.put("caseNumber", caseNumber);
        Optional<String> itemDefinition = jdbc.sql(
                "SELECT process_definition_id FROM service_case_process WHERE item_code = ?")
                .param(itemCode).query(String.class).optional();
        ProcessInstance instance = runtime.startProcessInstanceById(itemDefinition.orElseGet(this::defaultDefinition),
                caseNumber, variables);
        return new Started(instance.getId(), instance.getProcessDefinitionId(), current(instance.getId()));
    }

    /**
     * The active user task of the process and the role of its candidate group, read in one plain query on the engine's
     * runtime tables (which the engine has flushed at the end of its command, in this transaction): cheaper than the
     * engine's task query with its identity links, and asked after every step.
     */
    @Nullable CurrentTask current(String processInstanceId) {
        List<CurrentTask> active = jdbc.sql("""
                SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.ASSIGNEE_, l.GROUP_ID_ FROM ACT_RU_TASK t
                LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate'
                    AND l.GROUP_ID_ IS NOT NULL
                WHERE t.PROC_INST_ID_ = ? AND t.SUSPENSION_STATE_ = 1 ORDER BY t.CREATE_TIME_, t.ID_, l.ID_""")
                .param(processInstanceId)
                .query((rs, n) -> new CurrentTask(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(5) == null ? null : role(rs.getString(5)).orElse(null), rs.getString(4)))
                .list();
        if (active.isEmpty()) {
            return null;
        }
        String first = active.get(0).id();
        return active.stream().filter(t -> t.id().equals(first) && t.role() != null).findFirst()
                .orElse(active.get(0));
    }

    /**
     * Completes the case's current task, as the case row records it (its key was checked against the action); returns
     * the next task, null when the process ended.
     */
    @Nullable CurrentTask complete(String processInstanceId, @Nullable String taskId, String stepName) {
        if (taskId == null) {
            throw new BusinessException(CasesError.CASES_TASK_NOT_ACTIVE, stepName);
        }
        try {
            tasks.complete(taskId);
        } catch (FlowableObjectNotFoundException e) {
            throw new BusinessException(CasesError.CASES_TASK_NOT_ACTIVE, stepName);
        }
        return current(processInstanceId);
    }

    /** Completes every remaining task (即办件: accepted and completed in one step). */
    void finish(String processInstanceId) {
        for (int i = 0; i < 20; i++) {
            CurrentTask task = current(processInstanceId);
            if (task == null) {
                return;
            }
            tasks.complete(task.id());
        }
        throw new IllegalStateException("process " + processInstanceId + " does not end");
    }

    /** Ends the process early (不予受理, 撤回, 退件). */
    void terminate(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }

    void assign(String taskId, @Nullable String username) {
        tasks.setAssignee(taskId, username);
    }

    /**
     * The latest version of the default process, deployed at start; looked up once rather than by key on every
     * submission.
     */
    private String defaultDefinition() {
        String id = defaultDefinitionId;
        if (id == null) {
            id = repository.createProcessDefinitionQuery().processDefinitionKey(DEFAULT_KEY).latestVersion()
                    .singleResult().getId();
            defaultDefinitionId = id;
        }
        return id;
    }

    String definitionKeyOf(String processDefinitionId) {
        return repository.getProcessDefinition(processDefinitionId).getKey();
    }

    static Optional<StaffRole> role(String candidateGroup) {
        int at = candidateGroup.indexOf('@');
        String role = at < 0 ? candidateGroup : candidateGroup.substring(0, at);
        try {
            return Optional.of(StaffRole.valueOf(role));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Expressions in processes see only the process variables, never the application's beans: an uploaded process
     * cannot call into the platform. The engine's performance settings spare queries on every step: executions and
     * tasks count their related rows (no lookups before deleting them), execution trees are fetched in one query, and
     * rows are inserted one statement each (a bulk insert's SQL is built anew at every flush, which costs more than it
     * saves for the few rows of a step).
     */
    @Configuration(proxyBeanMethods = false)
    static class EngineSettings {

        @Bean
        ProcessEngineConfigurationConfigurer caseEngineSettings() {
            return configuration -> {
                configuration.setBeans(new HashMap<>());
                configuration.setEnableSafeBpmnXml(true);
                configuration.setBulkInsertEnabled(false);
                var performance = configuration.getPerformanceSettings();
                performance.setEnableEagerExecutionTreeFetching(true);
                performance.setEnableExecutionRelationshipCounts(true);
                performance.setEnableTaskRelationshipCounts(true);
                performance.setEnableLocalization(false);
            };
        }
    }
}
