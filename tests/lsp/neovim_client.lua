-- Neovim (0.7+) as a real LSP client of `wikivet lsp`, headless. Run by tests/cli/lsp_neovim.sh:
--   WIKIVET_BIN=... LSP_OUT=out.tsv nvim --headless -u NONE -i NONE -n FILE.wiki -c 'luafile neovim_client.lua'
-- It attaches the server to the buffer, waits for diagnostics and writes them to LSP_OUT as
--   diag<TAB>rule<TAB>line<TAB>byte col<TAB>end line<TAB>end byte col<TAB>severity
-- (Neovim turns the server's UTF-16 positions into byte columns of its own buffer), then asks
-- for the hover at the first diagnostic, applies the quick fix of the first fixable one the way
-- Neovim's own code-action command does, waits for the new diagnostics, writes them again
-- ("after" lines) and saves the buffer to LSP_FIXED.
local out = assert(io.open(os.getenv('LSP_OUT'), 'w'))
local function fail(msg)
  out:write('error\t' .. msg .. '\n')
  out:close()
  vim.cmd('qall!')
end

local bufnr = vim.api.nvim_get_current_buf()
local uri = vim.uri_from_bufnr(bufnr)
local published = 0  -- publications with diagnostics for this buffer
local client_id = vim.lsp.start_client({
  name = 'wikivet',
  cmd = { os.getenv('WIKIVET_BIN'), 'lsp' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      if result.uri == uri then published = published + 1 end
    end,
  },
})
if not client_id then return fail('the server did not start') end
vim.lsp.buf_attach_client(bufnr, client_id)
if not vim.wait(30000, function() return published > 0 end, 20) then
  return fail('no diagnostics within 30 s')
end

local function write_diagnostics(tag)
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    out:write(table.concat({ tag, tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col,
      d.severity }, '\t') .. '\n')
  end
end
write_diagnostics('diag')

local client = vim.lsp.get_client_by_id(client_id)
local all = vim.diagnostic.get(bufnr)
table.sort(all, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
local first = all[1]
-- vim.str_utfindex returns the UTF-32 and the UTF-16 index of a byte column; LSP wants the second.
local function utf16_col(lnum, col)
  local _, units = vim.str_utfindex(vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, true)[1], col)
  return units
end
local params = { textDocument = { uri = uri },
  position = { line = first.lnum, character = utf16_col(first.lnum, first.col) } }
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000)
local value = hover and hover[client_id] and hover[client_id].result and hover[client_id].result.contents.value
out:write('hover\t' .. tostring(first.code) .. '\t' .. (value and value:gsub('\n', ' '):sub(1, 300) or 'none') .. '\n')

-- The quick fix of the first diagnostic that has one.
local applied = false
for _, d in ipairs(all) do
  local ch = utf16_col(d.lnum, d.col)
  local req = {
    textDocument = { uri = uri },
    range = { start = { line = d.lnum, character = ch }, ['end'] = { line = d.lnum, character = ch } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', req, 10000)
  local actions = res and res[client_id] and res[client_id].result or {}
  for _, a in ipairs(actions) do
    if a.kind == 'quickfix' and a.edit and a.diagnostics[1].code == d.code then
      out:write('fix\t' .. tostring(d.code) .. '\t' .. d.lnum .. '\t' .. d.col .. '\t' .. a.title .. '\n')
      local before = published
      vim.lsp.util.apply_workspace_edit(a.edit, client.offset_encoding or 'utf-16')
      if not vim.wait(30000, function() return published > before end, 20) then
        return fail('no diagnostics after the fix')
      end
      applied = true
      break
    end
  end
  if applied then break end
end
if not applied then out:write('fix\tnone\n') end
write_diagnostics('after')
vim.cmd('write! ' .. vim.fn.fnameescape(os.getenv('LSP_FIXED')))
out:write('done\n')
out:close()
vim.cmd('qall!')
