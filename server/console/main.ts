/** The console page's entry: its styles and the `<sst-console>` element (which loads the rest). */
import './console.css';
import './components/sst-console/sst-console.js';
