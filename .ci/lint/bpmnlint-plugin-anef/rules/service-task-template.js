'use strict';

/**
 * Every service task is one of the project's steps, made from its element template in Camunda Modeler
 * (.camunda/element-templates): the template is named on the task and the task binds exactly what the
 * template binds (the delegate, asyncBefore), so no step names a bean by hand.
 */
const path = require('path');
const fs = require('fs');
const { is } = require('bpmnlint-utils');

const TEMPLATES = path.resolve(__dirname, '../../../../.camunda/element-templates');

function loadTemplates() {
  const byId = new Map();
  for (const file of fs.readdirSync(TEMPLATES).filter(f => f.endsWith('.json'))) {
    const content = JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
    for (const template of (Array.isArray(content) ? content : [ content ])) {
      byId.set(template.id, template);
    }
  }
  return byId;
}

function attribute(node, name) {
  const value = node.get ? safeGet(node, name) : undefined;
  if (value !== undefined && value !== null) {
    return value;
  }
  return node.$attrs ? node.$attrs[name] : undefined;
}

function safeGet(node, name) {
  try {
    return node.get(name);
  } catch (e) {
    return undefined;
  }
}

module.exports = function() {
  const templates = loadTemplates();

  function check(node, reporter) {
    if (!is(node, 'bpmn:ServiceTask') && !is(node, 'bpmn:SendTask')) {
      return;
    }
    const id = attribute(node, 'camunda:modelerTemplate');
    if (!id) {
      reporter.report(node.id, 'Étape de service sans modèle d\'élément du projet (camunda:modelerTemplate) : '
        + 'appliquez l\'un des modèles de .camunda/element-templates');
      return;
    }
    const template = templates.get(id);
    if (!template) {
      reporter.report(node.id, 'Modèle d\'élément inconnu : ' + id);
      return;
    }
    for (const property of template.properties || []) {
      if (property.type !== 'Hidden' || !property.binding || property.binding.type !== 'property') {
        continue;
      }
      const actual = attribute(node, property.binding.name);
      if (String(actual) !== String(property.value)) {
        reporter.report(node.id, 'Le modèle d\'élément ' + id + ' fixe ' + property.binding.name + ' à « '
          + property.value + ' », l\'étape a « ' + actual + ' »');
      }
    }
  }

  return { check };
};
