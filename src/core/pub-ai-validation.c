/* pub-ai-validation.c
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ckan-error.h"
#include "pub-ai-validation.h"

struct _PubAiValidation
{
  GObject  parent_instance;

  double   score;
  double   criteria[PUB_N_CRITERIA];
  GStrv    recommendations;
};

G_DEFINE_FINAL_TYPE (PubAiValidation, pub_ai_validation, G_TYPE_OBJECT)

const char * const pub_ai_validation_fields[] = {
  "ai_validation", "ai_validation_result", "validacion_ia", "ia_validation", NULL
};

static const char * const score_keys[] = {
  "score", "overall_score", "puntaje", "puntaje_total", "calificacion", "nota", NULL
};
static const char * const criteria_keys[] = { "criteria", "criterios", "scores", "puntajes", NULL };
static const char * const recommendation_keys[] = { "recommendations", "recomendaciones", NULL };
static const char * const text_keys[] = {
  "text", "message", "recommendation", "recomendacion", "descripcion", "description", NULL
};
/* Each criterion by its English and Spanish names, in PubQualityCriterion order. */
static const char * const criterion_names[PUB_N_CRITERIA][2] = {
  { "structure", "estructura" },
  { "completeness", "completitud" },
  { "coherence", "coherencia" },
  { "accessibility", "accesibilidad" },
  { "consistency", "consistencia" },
  { "privacy", "privacidad" },
};

static gboolean
node_number (JsonNode *node,
             double   *out)
{
  char *end = NULL;

  if (!node || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *out = json_node_get_double (node);
      return TRUE;
    case G_TYPE_STRING:
      *out = g_ascii_strtod (json_node_get_string (node), &end);
      return end && end != json_node_get_string (node) && *end == '\0';
    default:
      return FALSE;
    }
}

/* 1–10 as the app shows it; portals that score 0–100 are scaled down. */
static double
normalise (double value)
{
  if (value > 10 && value <= 100)
    value /= 10;
  return CLAMP (value, 0, 10);
}

static JsonNode *
member_of (JsonObject         *object,
           const char * const *keys)
{
  for (guint i = 0; keys[i]; i++)
    if (json_object_has_member (object, keys[i]))
      return json_object_get_member (object, keys[i]);
  return NULL;
}

/* A JSON string holding JSON (as ckanext-validation stores its reports). */
static JsonNode *
parse_if_string (JsonNode *node)
{
  g_autoptr(JsonParser) parser = NULL;

  if (!node || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return node ? json_node_copy (node) : NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json_node_get_string (node), -1, NULL) || !json_parser_get_root (parser))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static GStrv
read_recommendations (JsonNode *node)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  JsonArray *array;

  if (!node || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *text = NULL;

      if (JSON_NODE_HOLDS_OBJECT (element))
        text = member_of (json_node_get_object (element), text_keys);
      else
        text = element;
      if (text && JSON_NODE_HOLDS_VALUE (text) && json_node_get_value_type (text) == G_TYPE_STRING &&
          *json_node_get_string (text))
        g_strv_builder_add (out, json_node_get_string (text));
    }
  return g_strv_builder_end (out);
}

PubAiValidation *
pub_ai_validation_new_from_json (JsonNode *node)
{
  g_autoptr(JsonNode) parsed = parse_if_string (node);
  g_autoptr(PubAiValidation) self = NULL;
  JsonObject *object;
  JsonNode *criteria;
  double value;

  if (!parsed || !JSON_NODE_HOLDS_OBJECT (parsed))
    return NULL;
  object = json_node_get_object (parsed);
  self = g_object_new (PUB_TYPE_AI_VALIDATION, NULL);
  if (node_number (member_of (object, score_keys), &value))
    self->score = normalise (value);
  criteria = member_of (object, criteria_keys);
  for (guint c = 0; c < PUB_N_CRITERIA && criteria && JSON_NODE_HOLDS_OBJECT (criteria); c++)
    {
      JsonObject *by_name = json_node_get_object (criteria);
      JsonNode *entry = json_object_get_member (by_name, criterion_names[c][0]);

      if (!entry)
        entry = json_object_get_member (by_name, criterion_names[c][1]);
      /* {"structure": 8} or {"structure": {"score": 8, ...}} */
      if (entry && JSON_NODE_HOLDS_OBJECT (entry))
        entry = member_of (json_node_get_object (entry), score_keys);
      if (node_number (entry, &value))
        self->criteria[c] = normalise (value);
    }
  self->recommendations = read_recommendations (member_of (object, recommendation_keys));
  if (self->score < 0 && (!self->recommendations || !self->recommendations[0]))
    return NULL;
  return g_steal_pointer (&self);
}

PubAiValidation *
pub_ai_validation_new_from_resource (CkanResource *resource)
{
  JsonObject *object;
  g_autoptr(JsonObject) flat = NULL;
  g_autoptr(JsonNode) flat_node = NULL;

  g_return_val_if_fail (CKAN_IS_RESOURCE (resource), NULL);

  object = ckan_record_get_object (CKAN_RECORD (resource));
  for (guint i = 0; pub_ai_validation_fields[i]; i++)
    {
      JsonNode *node = json_object_get_member (object, pub_ai_validation_fields[i]);
      PubAiValidation *found = node ? pub_ai_validation_new_from_json (node) : NULL;

      if (found)
        return found;
    }
  if (!json_object_has_member (object, "ai_score") && !json_object_has_member (object, "ai_recommendations"))
    return NULL;
  flat = json_object_new ();
  if (json_object_has_member (object, "ai_score"))
    json_object_set_member (flat, "score", json_node_copy (json_object_get_member (object, "ai_score")));
  if (json_object_has_member (object, "ai_recommendations"))
    {
      g_autoptr(JsonNode) list = parse_if_string (json_object_get_member (object, "ai_recommendations"));

      if (list)
        json_object_set_member (flat, "recommendations", g_steal_pointer (&list));
    }
  flat_node = json_node_init_object (json_node_alloc (), flat);
  return pub_ai_validation_new_from_json (flat_node);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ckan_client_call_finish (CKAN_CLIENT (source), result, &error);

  if (g_error_matches (error, CKAN_ERROR, CKAN_ERROR_NOT_FOUND))
    g_task_return_pointer (task, NULL, NULL);
  else if (error)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pub_ai_validation_new_from_json (node), g_object_unref);
}

void
pub_ai_validation_fetch_async (CkanClient          *client,
                               const char          *action,
                               const char          *resource_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonObject) params = json_object_new ();
  GTask *task;

  g_return_if_fail (CKAN_IS_CLIENT (client));
  g_return_if_fail (action != NULL && resource_id != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pub_ai_validation_fetch_async);
  g_task_set_check_cancellable (task, FALSE);
  /* Both names: ckanext-validation's actions take resource_id, CKAN's
   * own resource actions id. */
  json_object_set_string_member (params, "resource_id", resource_id);
  json_object_set_string_member (params, "id", resource_id);
  ckan_client_call_async (client, action, params, CKAN_CALL_READ, cancellable, fetched_cb, task);
}

PubAiValidation *
pub_ai_validation_fetch_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pub_ai_validation_fetch_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

double
pub_ai_validation_get_score (PubAiValidation *self)
{
  g_return_val_if_fail (PUB_IS_AI_VALIDATION (self), -1);
  return self->score;
}

double
pub_ai_validation_get_criterion (PubAiValidation     *self,
                                 PubQualityCriterion  criterion)
{
  g_return_val_if_fail (PUB_IS_AI_VALIDATION (self), -1);
  g_return_val_if_fail (criterion < PUB_N_CRITERIA, -1);
  return self->criteria[criterion];
}

const char * const *
pub_ai_validation_get_recommendations (PubAiValidation *self)
{
  g_return_val_if_fail (PUB_IS_AI_VALIDATION (self), NULL);
  return (const char * const *) self->recommendations;
}

PubQualityScore *
pub_ai_validation_to_score (PubAiValidation *self)
{
  g_return_val_if_fail (PUB_IS_AI_VALIDATION (self), NULL);

  if (self->score < 0)
    return NULL;
  return pub_quality_score_new_from_values (self->score, self->criteria);
}

static void
pub_ai_validation_finalize (GObject *object)
{
  PubAiValidation *self = PUB_AI_VALIDATION (object);

  g_clear_pointer (&self->recommendations, g_strfreev);

  G_OBJECT_CLASS (pub_ai_validation_parent_class)->finalize (object);
}

static void
pub_ai_validation_class_init (PubAiValidationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pub_ai_validation_finalize;
}

static void
pub_ai_validation_init (PubAiValidation *self)
{
  self->score = -1;
  for (guint c = 0; c < PUB_N_CRITERIA; c++)
    self->criteria[c] = -1;
}
