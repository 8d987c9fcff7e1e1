// Example of the programmatic API (and the page the tests drive).
import { mount } from '../embed.js';

const target = document.getElementById('target');
let instance = null;

document.getElementById('btn-mount').addEventListener('click', async () => {
  instance ??= await mount(target, { station: 'guizhu', lang: 'zh' });
});
document.getElementById('btn-en').addEventListener('click', () => instance?.update({ lang: 'en' }));
document.getElementById('btn-unmount').addEventListener('click', () => { instance?.unmount(); instance = null; });

// For tests: mount and unmount n times, then report what is left behind.
window.sscMountLoop = async (n) => {
  for (let i = 0; i < n; i++) {
    const inst = await mount(target, { station: i % 2 ? 'meijiang' : undefined, lang: i % 3 ? 'zh' : 'en' });
    inst.unmount();
  }
  return target.childNodes.length;
};
