package io.ecs4j.internal.placement;

import java.util.EnumSet;
import java.util.Set;

/** The subjects of the cluster query language, with the operators ECS documents for each. */
public enum QuerySubject {
    ATTRIBUTE("attribute:<name>", EnumSet.allOf(QueryOperator.class), true),
    EC2_INSTANCE_ID("ec2InstanceId", QueryOperator.STRING_SET, true),
    AGENT_CONNECTED("agentConnected", QueryOperator.STRING_SET, true),
    AGENT_VERSION("agentVersion", QueryOperator.ORDERED, true),
    REGISTERED_AT("registeredAt", QueryOperator.ORDERED, true),
    RUNNING_TASKS_COUNT("runningTasksCount", QueryOperator.ORDERED, false),
    TASK_GROUP("task:group", QueryOperator.STRING_SET, false);

    private final String spelling;
    private final Set<QueryOperator> operators;
    private final boolean isStatic;

    QuerySubject(String spelling, Set<QueryOperator> operators, boolean isStatic) {
        this.spelling = spelling;
        this.operators = operators;
        this.isStatic = isStatic;
    }

    /** How the subject is written. */
    public String spelling() {
        return spelling;
    }

    /** The operators valid for this subject. */
    public Set<QueryOperator> operators() {
        return operators;
    }

    /**
     * {@code true} when the value depends only on the instance's registration data (attributes, ids, agent,
     * registration time), which changes only through an instance update; {@code false} when it depends on tasks.
     */
    public boolean isStatic() {
        return isStatic;
    }

    /** The subject written as {@code token} (exact, case-sensitive), or null; {@code attribute:} is handled apart. */
    static QuerySubject named(String token) {
        for (QuerySubject s : values()) {
            if (s != ATTRIBUTE && s.spelling.equals(token)) {
                return s;
            }
        }
        return null;
    }
}
