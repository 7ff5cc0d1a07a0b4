import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const params = new URLSearchParams(location.search);
if (params.get('dark_mode') === 'auto') document.documentElement.classList.add('dark-auto');
createRoot(document.getElementById('root')!).render(<App params={params} />);
