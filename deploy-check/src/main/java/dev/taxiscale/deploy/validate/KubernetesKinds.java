package dev.taxiscale.deploy.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.taxiscale.deploy.kustomize.ObjectId;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks objects against the Kubernetes API types: built-in kinds are read into the fabric8 model
 * strictly (no unknown fields, no strings for numbers), and custom resources must be of a kind
 * whose operator the runbook installs.
 */
public final class KubernetesKinds {
  private static final List<Class<? extends HasMetadata>> BUILT_IN =
      List.of(
          Namespace.class,
          ConfigMap.class,
          Secret.class,
          Service.class,
          ServiceAccount.class,
          PersistentVolumeClaim.class,
          Deployment.class,
          StatefulSet.class,
          Job.class,
          HorizontalPodAutoscaler.class,
          Ingress.class,
          NetworkPolicy.class,
          PodDisruptionBudget.class,
          Role.class,
          RoleBinding.class);

  private static final Map<String, Class<? extends HasMetadata>> BY_TYPE =
      BUILT_IN.stream()
          .collect(
              Collectors.toMap(
                  type -> HasMetadata.getApiVersion(type) + " " + HasMetadata.getKind(type),
                  type -> type));

  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private KubernetesKinds() {}

  /** The problems of every object, one line each; empty when all are valid. */
  public static List<String> problems(Manifests manifests) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> object : manifests.objects()) {
      problems.addAll(problems(object));
    }
    return problems;
  }

  /** The problems of one object. */
  public static List<String> problems(Map<String, Object> object) {
    ObjectId id = ObjectId.of(object);
    String type = id.apiVersion() + " " + id.kind();
    Class<? extends HasMetadata> builtIn = BY_TYPE.get(type);
    if (builtIn != null) {
      return typed(object, builtIn).stream().map(p -> id + ": " + p).toList();
    }
    if (CustomResources.isKnown(id.apiVersion(), id.kind())) {
      return CustomResources.problems(object).stream().map(p -> id + ": " + p).toList();
    }
    return List.of(
        id
            + ": unknown type "
            + type
            + "; known are "
            + Stream.concat(BY_TYPE.keySet().stream(), CustomResources.known().stream())
                .sorted()
                .toList());
  }

  private static List<String> typed(Map<String, Object> object, Class<? extends HasMetadata> type) {
    HasMetadata typed;
    try {
      typed = STRICT.convertValue(object, type);
    } catch (IllegalArgumentException e) {
      return List.of(firstLine(e.getMessage()));
    }
    List<String> problems = new ArrayList<>(UnknownFields.find(typed));
    if (typed.getMetadata() == null || typed.getMetadata().getName() == null) {
      problems.add("metadata.name is missing");
    }
    return problems;
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
  }
}
