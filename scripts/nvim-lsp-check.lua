-- A real editor as the client of `lems-content lsp` (run by nvim-lsp-check.sh):
-- Neovim (0.7 or later, headless) opens a treatment whose mechanism is
-- misspelt, waits for the server's diagnostic E0202, then asks for completion
-- at that id and expects the right mechanism among the candidates.
local bin = assert(os.getenv('LEMS_CONTENT_BIN'), 'LEMS_CONTENT_BIN')
local root = assert(os.getenv('LEMS_ROOT'), 'LEMS_ROOT')
local file = root .. '/data/treatments/amifampridine.yaml'
local typo = 'potassium_channel_blockad'
local wanted = 'potassium_channel_blockade'

local function say(msg)
  io.stderr:write('nvim-lsp-check: ' .. msg .. '\n')
end

local function fail(msg)
  say('FAIL: ' .. msg)
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(buf)
local received = nil

local client = vim.lsp.start_client({
  name = 'lems-content',
  cmd = { bin, 'lsp', '--root', root },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      if result and result.uri == uri then
        received = result.diagnostics
      end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client then
  fail('the server did not start')
end
vim.lsp.buf_attach_client(buf, client)

local function unknown_mechanism()
  for _, d in ipairs(received or {}) do
    if d.code == 'E0202' and string.find(d.message, wanted, 1, true) then
      return d
    end
  end
  return nil
end

if not vim.wait(20000, function() return unknown_mechanism() ~= nil end, 50) then
  fail('no E0202 diagnostic for the misspelt mechanism; received: ' .. vim.inspect(received))
end
local d = unknown_mechanism()
local line = vim.api.nvim_buf_get_lines(buf, d.range.start.line, d.range.start.line + 1, false)[1] or ''
if not string.find(line, typo, 1, true) then
  fail('the diagnostic is not on the misspelt line: ' .. line)
end
say('diagnostic received: ' .. d.code .. ' at line ' .. (d.range.start.line + 1) .. ': ' .. d.message:gsub('\n.*', ''))

local params = {
  textDocument = { uri = uri },
  position = { line = d.range.start.line, character = d.range.start.character + #typo },
}
local answers = vim.lsp.buf_request_sync(buf, 'textDocument/completion', params, 10000) or {}
local found = false
for _, answer in pairs(answers) do
  local items = answer.result or {}
  items = items.items or items
  for _, item in ipairs(items) do
    if item.label == wanted then
      found = true
      say('completion offers ' .. item.label .. ' (' .. (item.detail or '') .. ')')
    end
  end
end
if not found then
  fail('completion did not offer ' .. wanted .. ': ' .. vim.inspect(answers))
end

vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
say('ok')
vim.cmd('qall!')
