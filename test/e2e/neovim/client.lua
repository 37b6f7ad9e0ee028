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

--- Each check returns ok (boolean) and a one-line detail.
local checks = {}

--- The 0-based position a request check asks about, from WIT_NVIM_<NAME>_AT=line:character.
local function position_of(name)
  local spec = env['WIT_NVIM_' .. name:upper() .. '_AT']
  if not spec then error('WIT_NVIM_' .. name:upper() .. '_AT is not set') end
  local line, character = spec:match('^(%d+):(%d+)$')
  if not line then error('bad position "' .. spec .. '" (want line:character)') end
  return { line = tonumber(line), character = tonumber(character) }
end

--- Sends one request through Neovim's LSP client and returns the server's result (or nil, why).
local function request(method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout_ms)
  if not responses then return nil, method .. ' failed: ' .. tostring(err) end
  local response = responses[client_id]
  if not response then return nil, method .. ': no response from the server' end
  if response.err then return nil, method .. ' error: ' .. vim.inspect(response.err):gsub('%s+', ' ') end
  return response.result
end

local function text_position(name)
  return { textDocument = { uri = uri }, position = position_of(name) }
end

function checks.hover()
  local result, why = request('textDocument/hover', text_position('hover'))
  if not result then return false, why or 'no hover' end
  local contents = result.contents
  local text = type(contents) == 'string' and contents or (contents.value or vim.inspect(contents))
  local want = env.WIT_NVIM_EXPECT_HOVER
  local flat = text:gsub('%s+', ' ')
  if want and not text:find(want, 1, true) then return false, 'hover lacks "' .. want .. '": ' .. flat end
  return true, flat
end

function checks.definition()
  local result, why = request('textDocument/definition', text_position('definition'))
  if not result then return false, why or 'no definition' end
  -- Location, Location[] or LocationLink[]: take the first target either way.
  local first = result.uri and result or result[1]
  if not first then return false, 'empty definition result' end
  local target = first.uri or first.targetUri
  local range = first.range or first.targetSelectionRange
  local detail = string.format('%s:%d:%d', target, range.start.line, range.start.character)
  local want = env.WIT_NVIM_EXPECT_DEFINITION
  if want and not detail:find(want, 1, true) then return false, 'definition is not at "' .. want .. '": ' .. detail end
  return true, detail
end

function checks.references()
  local params = text_position('references')
  params.context = { includeDeclaration = true }
  local result, why = request('textDocument/references', params)
  if not result then return false, why or 'no references' end
  local files = {}
  for _, location in ipairs(result) do files[vim.fn.fnamemodify(vim.uri_to_fname(location.uri), ':t')] = true end
  local names = vim.tbl_keys(files)
  table.sort(names)
  local detail = string.format('%d reference(s) in %s', #result, table.concat(names, ' '))
  local want = tonumber(env.WIT_NVIM_EXPECT_REFERENCES_FILES or '1')
  if #names < want then return false, 'expected references in at least ' .. want .. ' files: ' .. detail end
  return true, detail
end

function checks.completion()
  local result, why = request('textDocument/completion', text_position('completion'))
  if not result then return false, why or 'no completion' end
  local items = result.items or result
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  local want = env.WIT_NVIM_EXPECT_COMPLETION
  local detail = string.format('%d item(s)', #items)
  if want then
    for label in string.gmatch(want, '[^,]+') do
      if not labels[label] then return false, 'completion lacks "' .. label .. '": ' .. detail end
    end
    detail = detail .. ' including ' .. want
  end
  return true, detail
end

function checks.formatting()
  local result, why = request('textDocument/formatting', {
    textDocument = { uri = uri },
    options = { tabSize = 4, insertSpaces = true },
  })
  if result == nil then return false, why or 'no formatting result' end
  vim.lsp.util.apply_text_edits(result, bufnr, 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n') .. '\n'
  local want = env.WIT_NVIM_EXPECT_FORMATTED
  if want and text ~= want then
    return false, string.format('%d edit(s); buffer is now %q', #result, text)
  end
  return true, string.format('%d edit(s) applied', #result)
end

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
