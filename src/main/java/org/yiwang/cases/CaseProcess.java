package org.yiwang.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.impl.el.ExpressionManager;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.flowable.engine.impl.bpmn.parser.factory.DefaultActivityBehaviorFactory;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.persistence.entity.ActivityInstanceEntityManagerImpl;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.persistence.entity.data.impl.MybatisActivityInstanceDataManager;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.spring.boot.ProcessEngineConfigurationConfigurer;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
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
    private final Map<String, Optional<StaffRole>> roles = new ConcurrentHashMap<>();
    private volatile @Nullable String defaultDefinitionId;

    CaseProcess(RuntimeService runtime, TaskService tasks, RepositoryService repository, JdbcClient jdbc) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    Started start(String itemCode, String caseNumber, boolean preReview) {
        Optional<String> itemDefinition = jdbc.sql(
                "SELECT process_definition_id FROM service_case_process WHERE item_code = ?")
                .param(itemCode).query(String.class).optional();
        ProcessInstance instance = runtime.startProcessInstanceById(itemDefinition.orElseGet(this::defaultDefinition),
                caseNumber, Map.of("preReview", preReview));
        return new Started(instance.getId(), instance.getProcessDefinitionId(), current(instance.getId()));
    }

    /**
     * The active user task of the process, read in one plain query on the engine's runtime table (which the engine has
     * flushed at the end of its command, in this transaction), and the role of its candidate group in the process
     * model: cheaper than the engine's task query, and asked after every step.
     */
    @Nullable CurrentTask current(String processInstanceId) {
        return jdbc.sql("""
                SELECT ID_, TASK_DEF_KEY_, NAME_, ASSIGNEE_, PROC_DEF_ID_ FROM ACT_RU_TASK
                WHERE PROC_INST_ID_ = ? AND SUSPENSION_STATE_ = 1 ORDER BY CREATE_TIME_, ID_ LIMIT 1""")
                .param(processInstanceId)
                .query((rs, n) -> new CurrentTask(rs.getString(1), rs.getString(2), rs.getString(3),
                        role(rs.getString(5), rs.getString(2)), rs.getString(4)))
                .optional().orElse(null);
    }

    /** The role of a task's candidate group, from the (cached) process model. */
    private @Nullable StaffRole role(String processDefinitionId, String taskKey) {
        return roles.computeIfAbsent(processDefinitionId + " " + taskKey,
                k -> repository.getBpmnModel(processDefinitionId).getFlowElement(taskKey) instanceof UserTask task
                        && !task.getCandidateGroups().isEmpty() ? role(task.getCandidateGroups().get(0).strip())
                        : Optional.empty()).orElse(null);
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
     * saves for the few rows of a step). Nothing listens to the engine's events: without its event dispatcher, ending a
     * process deletes its related rows by the counts instead of loading each kind first. The engine keeps no runtime
     * activity instances (nothing here reads them) and
     * does not turn candidate groups into identity links: the case row records the task's role (read from the model
     * by {@link #current}) and its scope is the case's region or department ({@link StaffAccess}), so a step neither
     * evaluates expressions nor reads the process variables.
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
                configuration.setEnableEventDispatcher(false);
                configuration.setActivityBehaviorFactory(new UnassignedUserTasks());
                var activities = new MybatisActivityInstanceDataManager(configuration);
                configuration.setActivityInstanceDataManager(activities);
                configuration.setActivityInstanceEntityManager(new NoRuntimeActivities(configuration, activities));
            };
        }
    }

    /** User tasks whose candidate groups declare a role rather than assign anyone. */
    static class UnassignedUserTasks extends DefaultActivityBehaviorFactory {

        @Override
        public UserTaskActivityBehavior createUserTaskActivityBehavior(UserTask userTask) {
            return new UserTaskActivityBehavior(userTask) {
                @Override
                protected void handleAssignments(org.flowable.task.service.TaskService taskService,
                        @Nullable String assignee, @Nullable String owner, List<String> candidateUsers,
                        List<String> candidateGroups, TaskEntity task, ExpressionManager expressionManager,
                        DelegateExecution execution, ProcessEngineConfigurationImpl processEngineConfiguration) {
                }
            };
        }
    }

    /** Records no runtime activity instances (ACT_RU_ACTINST); ending a process still deletes older ones. */
    static class NoRuntimeActivities extends ActivityInstanceEntityManagerImpl {

        NoRuntimeActivities(ProcessEngineConfigurationImpl configuration,
                MybatisActivityInstanceDataManager activities) {
            super(configuration, activities);
        }

        @Override
        public void recordActivityStart(ExecutionEntity execution) {
        }

        @Override
        public void recordActivityEnd(ExecutionEntity execution, @Nullable String deleteReason) {
        }

        @Override
        public void recordSequenceFlowTaken(ExecutionEntity execution) {
        }

        @Override
        public void recordSubProcessInstanceStart(ExecutionEntity parent, ExecutionEntity subProcessInstance) {
        }

        @Override
        public void recordTaskCreated(TaskEntity task, ExecutionEntity execution) {
        }

        @Override
        public void recordActivityTaskEnd(TaskEntity task, @Nullable ExecutionEntity execution,
                @Nullable String deleteReason, @Nullable String activityId, java.util.Date endTime) {
        }

        @Override
        public void recordTaskInfoChange(TaskEntity task, java.util.Date changeTime) {
        }

        @Override
        public void syncUserTaskExecution(ExecutionEntity execution, FlowElement element, @Nullable String oldActivityId,
                TaskEntity task) {
        }
    }
}
