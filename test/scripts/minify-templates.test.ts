import { describe, expect, it } from 'vitest';
import { collapseTemplate } from '../../scripts/minify-templates.js';

describe('collapseTemplate', () => {
  it('collapses indentation across lines and leaves text on one line alone', () => {
    expect(collapseTemplate('<div>\n      <p>a  b</p>\n    </div>')).toBe('<div> <p>a  b</p> </div>');
    expect(collapseTemplate("content: '✓ ';")).toBe("content: '✓ ';");
  });
});
