-- Drives the WIT language server from Neovim (0.7+, headless) as an independent LSP client:
-- starts `node dist/server.js --stdio`, opens one file and runs the checks named in
-- WIT_NVIM_CHECKS, printing one `RESULT <check> ok|fail <detail>` line each, then exits
-- 0 when all passed and 1 otherwise. neovim.test.ts runs it and asserts on that output.
--
-- Inputs (environment): WIT_NVIM_NODE, WIT_NVIM_SERVER, WIT_NVIM_ROOT, WIT_NVIM_FILE,
-- WIT_NVIM_CHECKS (comma-separated), WIT_NVIM_TIMEOUT_MS, and each check's own WIT_NVIM_EXPECT_*.

local env = vim.env
local timeout_ms = tonumber(env.WIT_NVIM_TIMEOUT_MS or '10000')

local function emit(line)
  io.stdout:write(line .. '\n')
end

local function finish(code)
  io.stdout:flush()
  -- `cq N` exits with status N; `qa!` would always exit 0.
  if code == 0 then vim.cmd('qa!') else vim.cmd('cq! ' .. code) end
end

-- Record every publishDiagnostics notification as the server sent it (the converted
-- vim.diagnostic entries drop fields such as `source` in some versions), then let Neovim's
-- own handler run as usual.
local published = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result then table.insert(published, result) end
  return default_publish(err, result, ctx, config)
end

local server_exit
local client_id = vim.lsp.start_client({
  name = 'wit',
  cmd = { env.WIT_NVIM_NODE or 'node', env.WIT_NVIM_SERVER, '--stdio' },
  root_dir = env.WIT_NVIM_ROOT,
  on_exit = function(code, signal) server_exit = { code = code, signal = signal } end,
})
if not client_id then
  emit('RESULT start fail vim.lsp.start_client returned nil')
  return finish(1)
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.WIT_NVIM_FILE))
local bufnr = vim.api.nvim_get_current_buf()
-- `-u NONE` turns filetype detection off; the server only cares about the languageId.
vim.bo[bufnr].filetype = 'wit'
vim.lsp.buf_attach_client(bufnr, client_id)
local uri = vim.uri_from_bufnr(bufnr)

local ready = vim.wait(timeout_ms, function()
  local client = vim.lsp.get_client_by_id(client_id)
  return server_exit ~= nil or (client ~= nil and client.initialized)
end, 20)
if not ready or server_exit then
  emit('RESULT start fail the server did not initialize' .. (server_exit and (' (exited with ' .. tostring(server_exit.code) .. ')') or ''))
  return finish(1)
end
emit('RESULT start ok ' .. vim.lsp.get_client_by_id(client_id).name)

--- Each check returns ok (boolean) and a one-line detail. Add hover, definition and completion
--- here (with vim.lsp.buf_request_sync) as the server gains those features.
local checks = {}

function checks.diagnostics()
  local got = vim.wait(timeout_ms, function()
    for _, p in ipairs(published) do
      if p.uri == uri and #p.diagnostics > 0 then return true end
    end
    return false
  end, 20)
  if not got then return false, 'no diagnostics were published for ' .. uri .. ' within ' .. timeout_ms .. ' ms' end
  local diagnostics
  for _, p in ipairs(published) do
    if p.uri == uri and #p.diagnostics > 0 then diagnostics = p.diagnostics end
  end
  local d = diagnostics[1]
  local detail = string.format('%d diagnostic(s); first at %d:%d [%s/%s] %s', #diagnostics,
    d.range.start.line, d.range.start.character, tostring(d.source), tostring(d.code), d.message)
  local want = env.WIT_NVIM_EXPECT_MESSAGE
  if want and not d.message:find(want, 1, true) then
    return false, 'message does not contain "' .. want .. '": ' .. detail
  end
  if env.WIT_NVIM_EXPECT_SOURCE and d.source ~= env.WIT_NVIM_EXPECT_SOURCE then
    return false, 'unexpected source: ' .. detail
  end
  -- The diagnostic also reached Neovim's own diagnostic store, which is what users see.
  if #vim.diagnostic.get(bufnr) == 0 then return false, 'vim.diagnostic.get() is empty: ' .. detail end
  return true, detail
end

local failures = 0
for name in string.gmatch(env.WIT_NVIM_CHECKS or 'diagnostics', '[^,%s]+') do
  local check = checks[name]
  local ok, detail
  if not check then
    ok, detail = false, 'no such check'
  else
    local called, a, b = pcall(check)
    if called then ok, detail = a, b else ok, detail = false, 'error: ' .. tostring(a) end
  end
  emit(string.format('RESULT %s %s %s', name, ok and 'ok' or 'fail', (tostring(detail):gsub('\n', ' '))))
  if not ok then failures = failures + 1 end
end

-- Shut the server down the LSP way so it exits by itself; the test also kills nvim's process group.
vim.lsp.stop_client(client_id)
vim.wait(2000, function() return server_exit ~= nil end, 20)
emit('DONE ' .. failures .. ' failure(s)')
finish(failures == 0 and 0 or 1)
