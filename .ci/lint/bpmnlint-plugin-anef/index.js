module.exports = {
  configs: {
    recommended: {
      rules: {
        'service-task-template': 'error'
      }
    }
  }
};
