// The LEMS content extension: starts `lems-content lsp` (through cargo by
// default, see package.json's settings) for the YAML files under data/. No
// build step: `npm install` here, then link this folder into VS Code's
// extensions folder (EDITING.md, "In your editor").
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const config = vscode.workspace.getConfiguration('lemsContent');
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const server = {
    command: config.get('server.command', 'cargo'),
    args: config.get('server.args', ['run', '-q', '-p', 'lems-content', '--', 'lsp']),
    options: folder ? { cwd: folder.uri.fsPath } : {},
  };
  const documents = {
    documentSelector: [{ scheme: 'file', language: 'yaml', pattern: '**/data/**/*.yaml' }],
  };
  client = new LanguageClient('lemsContent', 'LEMS content', server, documents);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
