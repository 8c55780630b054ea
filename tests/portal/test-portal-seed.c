/* test-portal-seed.c: many datasets at once, spread as a real organization's are
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-portal-private.h"

static const char * const frequencies[] = {
  /* Most datasets commit to a period; some to none; a few carry a value
   * the app does not know (portals invent their own). */
  "1d", "7d", "1m", "1m", "1m", "3m", "3m", "4m", "6m", "1y", "1y", NULL, NULL, "quincenal",
};

static const char * const formats[] = { "CSV", "CSV", "CSV", "XLSX", "JSON", "PDF", "GeoJSON" };

static const char * const topics[] = {
  "Matrícula escolar", "Atenciones de urgencia", "Licencias de conducir", "Calidad del aire",
  "Presupuesto ejecutado", "Dotación de personal", "Compras públicas", "Permisos de edificación",
  "Accidentes de tránsito", "Consumo eléctrico", "Subsidios habitacionales", "Áreas verdes",
};

static char *
timestamp_days_ago (GDateTime *now,
                    double     days)
{
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -days * 86400.0);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%S.%f");
}

guint
pub_test_portal_seed_datasets (PubTestPortal *self,
                               const char    *org_name,
                               guint          n,
                               guint32        seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  PortalOrg *org = portal_find_org (self, org_name);
  PortalUser *creators[2] = { portal_find_user (self, "editor"), portal_find_user (self, "admin") };
  guint added = 0;
  GPtrArray *all;

  g_return_val_if_fail (PUB_IS_TEST_PORTAL (self), 0);
  g_return_val_if_fail (org != NULL, 0);

  /* The names are new (the seed is in them), so each dataset is saved
   * against an empty list: checking 10 000 names against each other would
   * take minutes. */
  all = self->datasets;
  self->datasets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JsonObject) input = json_object_new ();
      JsonArray *resources = json_array_new ();
      PortalCall call = { 0 };
      g_autoptr(JsonObject) saved = NULL;
      g_autofree char *name = g_strdup_printf ("serie-%s-%u-%05u", org->name, seed, i + 1);
      g_autofree char *title = g_strdup_printf ("%s %u", topics[g_rand_int_range (rand, 0, G_N_ELEMENTS (topics))],
                                                2000 + g_rand_int_range (rand, 0, 26));
      const char *frequency = frequencies[g_rand_int_range (rand, 0, G_N_ELEMENTS (frequencies))];
      double age = g_rand_double_range (rand, 0.1, 720.0);
      double roll = g_rand_double (rand);
      guint n_resources = g_rand_int_range (rand, 0, 4);
      g_autofree char *modified = timestamp_days_ago (now, age);
      g_autofree char *created = timestamp_days_ago (now, age + g_rand_double_range (rand, 0, 365.0));
      JsonArray *stored_resources;

      json_object_set_string_member (input, "name", name);
      json_object_set_string_member (input, "title", title);
      json_object_set_string_member (input, "notes", "Serie publicada por la institución.");
      json_object_set_string_member (input, "owner_org", org->id);
      /* About 70 % public, 20 % private, 10 % drafts. */
      json_object_set_boolean_member (input, "private", roll >= 0.7 && roll < 0.9);
      for (guint r = 0; r < n_resources; r++)
        {
          JsonObject *resource = json_object_new ();
          g_autofree char *url = g_strdup_printf ("https://example.invalid/%s/%u", name, r);

          json_object_set_string_member (resource, "name", "Datos");
          json_object_set_string_member (resource, "url", url);
          json_object_set_string_member (resource, "format",
                                         formats[g_rand_int_range (rand, 0, G_N_ELEMENTS (formats))]);
          json_array_add_object_element (resources, resource);
        }
      json_object_set_array_member (input, "resources", resources);

      call.portal = self;
      call.action = "package_create";
      call.user = creators[i % 2];
      call.params = input;
      saved = portal_dataset_save (self, &call, input, NULL);
      g_clear_pointer (&call.error, json_object_unref);
      if (saved == NULL)
        continue;
      g_ptr_array_add (all, g_ptr_array_steal_index (self->datasets, 0));
      added++;

      /* The stored object itself: its dates go back in time. */
      if (roll >= 0.9)
        json_object_set_string_member (saved, "state", "draft");
      if (frequency != NULL)
        json_object_set_string_member (saved, "frequency", frequency);
      json_object_set_string_member (saved, "metadata_created", created);
      json_object_set_string_member (saved, "metadata_modified", modified);
      stored_resources = portal_object_array (saved, "resources");
      for (guint r = 0; stored_resources && r < json_array_get_length (stored_resources); r++)
        {
          g_autofree char *changed = timestamp_days_ago (now, age + g_rand_double_range (rand, 0, 30.0));

          json_object_set_string_member (json_array_get_object_element (stored_resources, r),
                                         "last_modified", changed);
        }
    }
  g_ptr_array_unref (self->datasets);
  self->datasets = all;
  return added;
}
